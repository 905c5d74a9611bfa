import type { CommandSpec, GroupCommandSpec, LeafCommandSpec, OptionSpec } from '../../command-spec';

/** The three registries: model, artifact and component versions of a project. */
export type RegistryKind = 'model' | 'artifact' | 'component';

/** The command group of each registry kind (`px models`, `px artifacts`, `px components`). */
export const REGISTRY_GROUPS: Readonly<Record<string, RegistryKind>> = { models: 'model', artifacts: 'artifact', components: 'component' };

/** Every value of `V1Stages`, the choices of `stage --to`. */
export const STAGES = ['testing', 'staging', 'production', 'disabled'] as const;

/** Options shared with the rest of the tree (defined once in `command-tree.ts`). */
export interface SharedOptions {
  readonly project: OptionSpec;
  readonly output: OptionSpec;
  readonly yes: OptionSpec;
  readonly url: OptionSpec;
  readonly name: OptionSpec;
  readonly description: OptionSpec;
  readonly tags: OptionSpec;
  readonly query: OptionSpec;
  readonly sort: OptionSpec;
  readonly limitLong: OptionSpec;
  readonly offsetLong: OptionSpec;
  readonly limit: OptionSpec;
  readonly offset: OptionSpec;
}

type Handler = 'ls' | 'register' | 'copy' | 'get' | 'stages' | 'remove' | 'update' | 'stage' | 'transfer' | 'pull' | 'push' | 'dashboard';

function leaf(name: string, description: string, options: readonly OptionSpec[], handler: Handler, examples: readonly string[]): LeafCommandSpec {
  return {
    kind: 'leaf',
    name,
    description,
    options,
    examples,
    load: () => import('./registry-commands').then((m) => m[handler]),
  };
}

/**
 * The `models`, `artifacts` and `components` groups: upstream's subcommands and flags for each kind, all
 * served by one implementation (`registry-commands.ts`, loaded only when a subcommand runs).
 */
export function registryGroups(shared: SharedOptions): CommandSpec[] {
  return Object.entries(REGISTRY_GROUPS).map(([group, kind]) => registryGroup(group, kind, shared));
}

function registryGroup(group: string, kind: RegistryKind, o: SharedOptions): GroupCommandSpec {
  const version: OptionSpec = {
    long: 'version',
    multiShort: ['-ver'],
    value: 'version',
    description: `The ${kind} version, e.g. \`v1.3.4\`, \`rc1\` or \`latest\` (default \`latest\`).`,
  };
  const ref = [o.project, version];
  const force: OptionSpec = { long: 'force', description: 'Update the version if it already exists.' };
  const content: OptionSpec = { long: 'content', value: 'json', description: `Content/metadata (a JSON object) to save with the ${kind} version.` };
  const toProject: OptionSpec = { long: 'to-project', multiShort: ['-to'], value: 'project', description: 'The destination project.' };
  const isComponent = kind === 'component';
  const register: OptionSpec[] = isComponent
    ? [{ long: 'file', short: 'f', value: 'path', description: 'The component Polyaxonfile to register (checked first).' }, ...ref, o.description, o.tags, force]
    : [
        ...ref,
        o.description,
        o.tags,
        content,
        { long: 'run-uid', value: 'uuid', description: `The run to promote as a ${kind} version.` },
        { long: 'artifacts', value: 'names', description: `Comma separated lineage names of the run to link to this ${kind} version.` },
        { long: 'connection', value: 'name', description: `The connection to link to this ${kind} version.` },
        force,
      ];
  const copy: OptionSpec[] = [
    ...ref,
    toProject,
    { ...o.name, description: 'Name of the copy (default `<version>-copy`).' },
    o.description,
    o.tags,
    ...(isComponent ? [] : [content]),
    force,
  ];
  const pull: OptionSpec[] = [
    ...ref,
    { long: 'all-versions', short: 'a', description: 'Pull every version.' },
    { long: 'query', short: 'q', value: 'query', description: 'Pull the versions matching this query.' },
    o.limit,
    o.offset,
    { long: 'path', aliases: ['path-to'], value: 'path', description: 'Root folder of the pulled versions (default: the offline root); each goes to `<path>/<kind>s/<version>`.' },
    ...(isComponent ? [] : [{ long: 'no-artifacts', description: "Only save the version's record, not its run's artifacts." }]),
  ];
  const push: OptionSpec[] = [
    ...ref,
    { long: 'all-versions', short: 'a', description: 'Push every version found under the path.' },
    { long: 'clean', short: 'c', description: 'Delete the local folder of each version after pushing it.' },
    { long: 'path', aliases: ['path-from'], value: 'path', description: 'Root folder of the local versions (default: the offline root).' },
    { long: 'reset-project', description: 'Push to the given/current project instead of the one recorded in the version.' },
    force,
  ];
  const cmd = `px ${group}`;
  return {
    kind: 'group',
    name: group,
    description: `Commands for ${kind} versions (the ${kind} registry of a project).`,
    options: ref,
    commands: [
      leaf('ls', `List ${kind} versions.`, [o.project, o.query, o.sort, o.limitLong, o.offsetLong, o.output], 'ls', [`${cmd} ls -p acme/mnist`, `${cmd} ls -q "stage:production" -s -created_at -o json`]),
      leaf(
        'register',
        isComponent ? 'Register a component version from a Polyaxonfile (`--force` updates it).' : `Register a ${kind} version (\`--force\` updates it).`,
        register,
        'register',
        isComponent
          ? [`${cmd} register -f component.yaml -p acme/kaniko -ver v1`, `${cmd} register -f component.yaml -ver latest --tags=a,b --force`]
          : [`${cmd} register -p acme/mnist -ver v1 --run-uid=UUID --artifacts=model`, `${cmd} register -ver v2 --content='{"framework": "sklearn"}'`],
      ),
      leaf('copy', `Copy a ${kind} version, in this project or to another one.`, copy, 'copy', [`${cmd} copy -ver v1 -to other-project`, `${cmd} copy -p acme/mnist -ver v1 --name v1-backup`]),
      leaf('get', `Get a ${kind} version${isComponent ? ' (its inputs, outputs and content as YAML)' : ''}.`, [...ref, o.output], 'get', [`${cmd} get -p acme/mnist -ver v1`, `${cmd} get -ver v1 -o yaml`]),
      leaf('stages', `Show the stage history of a ${kind} version.`, [...ref, o.output], 'stages', [`${cmd} stages -ver v1`]),
      leaf('delete', `Delete a ${kind} version.`, [...ref, o.yes], 'remove', [`${cmd} delete -p acme/mnist -ver v1 -y`]),
      leaf('update', `Update the name, description or tags of a ${kind} version.`, [...ref, { ...o.name, description: 'New name.' }, o.description, o.tags, o.output], 'update', [
        `${cmd} update -ver v1 --description="best so far" --tags=a,b`,
      ]),
      leaf(
        'stage',
        `Move a ${kind} version to a stage.`,
        [
          ...ref,
          { long: 'to', multiShort: ['-to'], value: 'stage', choices: STAGES, description: 'The stage to move to.' },
          { long: 'reason', value: 'reason', description: 'Reason of the change (default `CliStageUpdate`).' },
          { long: 'message', value: 'text', description: 'More information about the change.' },
        ],
        'stage',
        [`${cmd} stage -ver v1 -to production`, `${cmd} stage -ver v1 --to=staging --reason=CI --message="use carefully"`],
      ),
      leaf('transfer', `Move a ${kind} version to another project of the same owner.`, [...ref, toProject], 'transfer', [`${cmd} transfer -ver v1 -to other-project`]),
      leaf('pull', `Download one or many ${kind} versions (record${isComponent ? ' and content' : ', content and artifacts'}) to a local folder.`, pull, 'pull', [
        `${cmd} pull -ver v1`,
        `${cmd} pull -p acme/mnist -a --path ./versions`,
      ]),
      leaf('push', `Register local ${kind} version folders (made by \`pull\`) in a project.`, push, 'push', [`${cmd} push -ver v1 --path ./versions`, `${cmd} push -a --path ./versions --reset-project -p other`]),
      leaf('dashboard', `Open the dashboard of a ${kind} version in a browser.`, [...ref, o.yes, o.url], 'dashboard', [`${cmd} dashboard -ver v1 --url`]),
    ],
  };
}
