// Kubernetes ("swagger") objects, validated exactly as deep as upstream does:
// the value must be an object, its top-level keys (either spelling) must be
// constructor arguments of the kubernetes client model, nested values are raw.
import * as v from 'valibot';
import { describeValue } from '../describe-value';
import { isPlainObject, toCamelCase, toSnakeCase } from './common';
import { lazySchema } from './lazy-schema';

/** A Kubernetes object after validation: top-level keys camelCase, nested values raw. */
export type K8sObject = Record<string, unknown>;

/** `volume_mounts` → `volumeMounts`, at the type level. */
type CamelOf<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<CamelOf<T>>}` : S;

/** A Kubernetes object whose known top-level fields are listed (values stay unvalidated, as upstream). */
export type K8sFields<F extends string> = { [K in F as CamelOf<K>]?: unknown } & K8sObject;

// snake_case field → camelCase attribute where the client's attribute map is not plain camelCase.
const SPECIAL_CAMEL: Readonly<Record<string, string>> = {
  scale_io: 'scaleIO',
  host_pid: 'hostPID',
  host_ipc: 'hostIPC',
  _exec: 'exec',
  _from: 'from',
};

function camelOf(snake: string): string {
  return SPECIAL_CAMEL[snake] ?? toCamelCase(snake);
}

/**
 * A loosely validated Kubernetes object schema.
 *
 * @param className - The kubernetes client class, e.g. `V1Container`.
 * @param fields - Its constructor arguments (snake_case).
 * @returns The schema.
 */
export function k8sObject<const F extends string>(className: string, fields: readonly F[]): v.GenericSchema<unknown, K8sFields<F>> {
  return lazySchema(() => {
    const known = new Set<string>(fields);
    const cache = new Map<string, string | null>();
    const resolve = (key: string): string | null => {
      let out = cache.get(key);
      if (out === undefined) {
        const snake = toSnakeCase(key);
        out = known.has(snake) ? camelOf(snake) : null;
        if (cache.size < 1000) cache.set(key, out);
      }
      return out;
    };
    return v.pipe(
      v.unknown(),
      v.metadata({
        type: 'object',
        description: `Kubernetes ${className}: top-level keys are checked (camelCase or snake_case), nested values are not.`,
        propertyNames: { enum: [...new Set(fields.flatMap((f) => [f, camelOf(f)]))] },
      }),
      v.rawTransform<unknown, K8sObject>(({ dataset, addIssue, NEVER }) => {
        const input = dataset.value;
        if (!isPlainObject(input)) {
          addIssue({
            message: `This field expects a dict or an instance of ${className}.`,
            expected: 'an object',
            received: describeValue(input),
          });
          return NEVER;
        }
        const out: K8sObject = {};
        let ok = true;
        for (const key of Object.keys(input)) {
          const camel = resolve(key);
          if (camel === null) {
            ok = false;
            addIssue({
              message: `${className}.__init__() got an unexpected keyword argument '${toSnakeCase(key)}'`,
              expected: `a ${className} field`,
              received: `key ${JSON.stringify(key)}`,
              path: [{ type: 'object', origin: 'key', input, key, value: input[key] }],
            });
            continue;
          }
          out[camel] = input[key];
        }
        return ok ? out : NEVER;
      }),
    );
  }, 'unknown');
}

/** Arguments of `kubernetes.client.V1Container`. */
export const CONTAINER_FIELDS = [
  'args', 'command', 'env', 'env_from', 'image', 'image_pull_policy', 'lifecycle', 'liveness_probe', 'name',
  'ports', 'readiness_probe', 'resize_policy', 'resources', 'restart_policy', 'security_context', 'startup_probe',
  'stdin', 'stdin_once', 'termination_message_path', 'termination_message_policy', 'tty', 'volume_devices',
  'volume_mounts', 'working_dir',
] as const;

/** A container (`container`, `sidecars[]`, `init[].container`): top-level keys checked only. */
export const ContainerSchema = k8sObject('V1Container', CONTAINER_FIELDS);

/** A validated container: known fields, camelCase, values as written. */
export type V1Container = v.InferOutput<typeof ContainerSchema>;

/** A pod volume. */
export const VolumeSchema = k8sObject('V1Volume', [
  'aws_elastic_block_store', 'azure_disk', 'azure_file', 'cephfs', 'cinder', 'config_map', 'csi', 'downward_api',
  'empty_dir', 'ephemeral', 'fc', 'flex_volume', 'flocker', 'gce_persistent_disk', 'git_repo', 'glusterfs',
  'host_path', 'image', 'iscsi', 'name', 'nfs', 'persistent_volume_claim', 'photon_persistent_disk',
  'portworx_volume', 'projected', 'quobyte', 'rbd', 'scale_io', 'secret', 'storageos', 'vsphere_volume',
]);

/** A toleration. */
export const TolerationSchema = k8sObject('V1Toleration', ['effect', 'key', 'operator', 'toleration_seconds', 'value']);

/** Pod affinity. */
export const AffinitySchema = k8sObject('V1Affinity', ['node_affinity', 'pod_affinity', 'pod_anti_affinity']);

/** Container security context (upstream uses `V1SecurityContext` for `environment.securityContext`). */
export const SecurityContextSchema = k8sObject('V1SecurityContext', [
  'allow_privilege_escalation', 'app_armor_profile', 'capabilities', 'privileged', 'proc_mount',
  'read_only_root_filesystem', 'run_as_group', 'run_as_non_root', 'run_as_user', 'se_linux_options',
  'seccomp_profile', 'windows_options',
]);

/** A host alias. */
export const HostAliasSchema = k8sObject('V1HostAlias', ['hostnames', 'ip']);

/** Pod DNS config. */
export const PodDNSConfigSchema = k8sObject('V1PodDNSConfig', ['nameservers', 'options', 'searches']);

/** Exec action (termination probe). */
export const ExecActionSchema = k8sObject('V1ExecAction', ['command']);

/** HTTP GET action (termination probe). */
export const HTTPGetActionSchema = k8sObject('V1HTTPGetAction', ['host', 'http_headers', 'path', 'port', 'scheme']);

/** Pod failure policy. */
export const PodFailurePolicySchema = k8sObject('V1PodFailurePolicy', ['rules']);

/** Resource requirements. */
export const ResourceRequirementsSchema = k8sObject('V1ResourceRequirements', ['claims', 'limits', 'requests']);
