import * as v from 'valibot';
import { KFReplicaSchema, RayReplicaSchema } from '../schemas/replica';
import { RunSchema } from '../schemas/run';
import type { PatchStrategy } from '../schemas/patch-strategy';
import { PolyaxonSchemaError } from '../errors';
import { isRecord } from '../read/plain-data';
import type { Locate } from '../specs/source-registry';
import { toSpecIssues } from '../validate/validate-schema';
import { patchValue } from './patch';

/** Replica fields of the distributed run kinds. */
const REPLICAS: Readonly<Record<string, readonly string[]>> = {
  tfjob: ['chief', 'ps', 'worker', 'evaluator'],
  pytorchjob: ['master', 'worker'],
  mpijob: ['launcher', 'worker'],
  daskcluster: ['worker', 'scheduler'],
  raycluster: ['head'],
};

/**
 * Applies an operation's `runPatch` to its component's `run` the way
 * upstream compiles it: the patch must be valid for the run's kind; for
 * distributed kinds a patch that is not a valid run is read as one replica
 * and applied to every replica (and every ray worker group).
 *
 * @returns the patched run
 * @throws {@link PolyaxonSchemaError} (stage `compile`) when the patch fits neither
 */
export function applyRunPatch(run: Record<string, unknown>, runPatch: Record<string, unknown>, strategy: PatchStrategy, locate: Locate): Record<string, unknown> {
  const { kind: _kind, ...patch } = runPatch;
  const asRun = v.safeParse(RunSchema, { ...patch, kind: run.kind });
  if (asRun.success) return patchValue(run, patch, strategy, 'run') as Record<string, unknown>;
  const replicas = typeof run.kind === 'string' ? REPLICAS[run.kind] : undefined;
  if (replicas !== undefined) {
    const asReplica = v.safeParse(run.kind === 'raycluster' ? RayReplicaSchema : KFReplicaSchema, patch);
    if (asReplica.success) {
      const out: Record<string, unknown> = { ...run };
      for (const name of replicas) if (isRecord(run[name])) out[name] = patchValue(run[name], patch, strategy, name);
      if (run.kind === 'raycluster' && isRecord(run.workers)) {
        const workers: Record<string, unknown> = {};
        for (const [group, replica] of Object.entries(run.workers)) workers[group] = isRecord(replica) ? patchValue(replica, patch, strategy, group) : replica;
        out.workers = workers;
      }
      return out;
    }
  }
  const issues = toSpecIssues(asRun.issues, locate, ['runPatch']);
  throw new PolyaxonSchemaError(`The runPatch is not valid for a run of kind \`${String(run.kind)}\`: ${issues[0]?.message ?? ''}`, { stage: 'compile', issues });
}
