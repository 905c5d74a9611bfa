import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiServer } from '../src/index';
import type { Sample } from './replay-helpers';

/**
 * Seeds the state samples 35–58 were recorded against (their setup calls
 * were not recorded): project `events-demo` with the three pushed offline
 * runs (records as the listings 52–53 show them) and their event files,
 * rebuilt from the answers: the csv answers (36, 41, 51) are the files'
 * exact text; the dict answers (42–44, 49) give the other files row by row.
 * Only 3 of the 20 `accuracy` rows of the third run were recorded (50): the
 * other 17 follow the same line (0.4 + 0.024·step), which the sampled
 * comparison of 50 does not depend on.
 */
export function seedEventsDemo(server: ApiServer, samples: readonly Sample[]): void {
  const byNumber = (n: number): Sample => samples.find((s) => s.number === n)!;
  type Run = { uuid: string; name: string; tags: string[]; inputs: Record<string, unknown>; outputs: Record<string, unknown>; meta_info: Record<string, unknown> } & Record<string, unknown>;
  const listed = [...(byNumber(52).response.body as { results: Run[] }).results, ...(byNumber(53).response.body as { results: Run[] }).results];
  server.state.addProject({ name: 'events-demo' });
  for (const recorded of [...listed].sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))) {
    const run = server.state.addRun({
      project: 'events-demo',
      uuid: recorded.uuid,
      name: recorded.name,
      tags: recorded.tags,
      inputs: recorded.inputs as never,
      outputs: recorded.outputs as never,
      meta_info: recorded.meta_info as never,
      status: 'succeeded',
    });
    const record = run as unknown as Record<string, unknown>;
    for (const key of ['created_at', 'updated_at', 'started_at', 'finished_at', 'wait_time', 'duration', 'runtime']) record[key] = recorded[key];
  }

  const write = (uuid: string, kind: string, name: string, text: string): void => {
    const dir = join(server.artifactsDir, uuid, 'events', kind);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.plx`), text);
  };
  type Entry = { name: string; kind: string; data: Record<string, unknown[]> | string };
  const entries = (n: number): Entry[] => (byNumber(n).response.body as { data: Entry[] }).data;
  const multi = (n: number): Record<string, Entry[]> => (byNumber(n).response.body as { data: Record<string, Entry[]> }).data;
  const pipeFile = (kind: string, data: Record<string, unknown[]>): string => {
    const rows = data.step!.map((step, i) => `${String(step)}|${String(data.timestamp![i])}|${String(data[kind]![i])}`);
    return [`step|timestamp|${kind}`, ...rows].join('\n');
  };

  const first = '75c6cd1478b24203906491a3b56d73d8';
  for (const e of entries(36)) write(first, 'metric', e.name, e.data as string);
  for (const e of entries(41)) write(first, 'text', e.name, e.data as string);
  for (const n of [42, 43, 44]) for (const e of entries(n)) write(first, e.kind, e.name, pipeFile(e.kind, e.data as Record<string, unknown[]>));
  for (const [uuid, list] of Object.entries(multi(49))) {
    if (uuid === first) continue;
    for (const e of list) write(uuid, 'metric', e.name, pipeFile('metric', e.data as Record<string, unknown[]>));
  }
  const second = '1693fd7302da4706b6da11f309a888c3';
  for (const e of multi(51)[second]!) write(second, 'metric', e.name, e.data as string);
  const third = '95ce2e64e7314dcd8187672376061889';
  const sampled = multi(50)[third]!.find((e) => e.name === 'accuracy')!.data as Record<string, unknown[]>;
  const steps = Array.from({ length: 20 }, (_, step) => step);
  const at = (step: number): string => sampled.timestamp![sampled.step!.indexOf(step)] as string | undefined ?? `2026-12-07 16:52:31.${String(400400 + step * 60).padStart(6, '0')}+00:00`;
  const value = (step: number): number => (sampled.metric![sampled.step!.indexOf(step)] as number | undefined) ?? Math.round((0.4 + 0.024 * step) * 1000) / 1000;
  write(third, 'metric', 'accuracy', pipeFile('metric', { step: steps, timestamp: steps.map(at), metric: steps.map(value) }));
}
