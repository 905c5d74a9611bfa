import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { completeLength } from '@px/client';
import type { JsonInput } from '../serialization/py-json';
import type { RunArtifact } from '../run/run-artifact';
import { buildSummary, lastMetricValue, summarizeEventFile, type SummaryAccumulator } from './event-summary';

/**
 * Summaries of every event file under `<root>/events` and `<root>/resources`
 * as upstream's `sync_events_summaries` builds them (resources get kind
 * `system`), sorted by kind and name, plus the last value of each metric.
 *
 * @param root - the run artifacts root
 * @param connection - the artifacts store name, when known
 * @param known - accumulators of files whose content is known in memory (by path); others are read
 * @returns lineage records and last metric values
 */
export function collectRunSummaries(
  root: string,
  connection?: string,
  known: ReadonlyMap<string, SummaryAccumulator> = new Map(),
): { artifacts: RunArtifact[]; lastValues: Record<string, JsonInput> } {
  const artifacts: RunArtifact[] = [];
  const lastValues: Record<string, JsonInput> = {};
  for (const backend of ['events', 'resources'] as const) {
    const base = join(root, backend);
    if (!existsSync(base)) continue;
    for (const kind of readdirSync(base).sort()) {
      const dir = join(base, kind);
      if (!statSync(dir).isDirectory()) continue;
      for (const file of readdirSync(dir).sort()) {
        if (!file.endsWith('.plx')) continue;
        const name = file.split('.plx')[0]!;
        const path = join(dir, file);
        const acc = known.get(path);
        const summary = acc ? buildSummary(acc) : summarizeEventFile(path, kind, completeLength(root, path));
        if (!summary) continue;
        artifacts.push({
          name,
          kind: backend === 'resources' ? 'system' : kind,
          path: `${backend}/${kind}/${file}`,
          summary: summary,
          ...(connection ? { connection } : {}),
          is_input: false,
        });
        if (backend === 'events' && kind === 'metric') lastValues[name] = lastMetricValue(summary);
      }
    }
  }
  return { artifacts, lastValues };
}
