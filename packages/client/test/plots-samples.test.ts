import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, requireShared } from '@px/testkit';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { lineChart, parallelCoordinates, toTidy, toWide, type RunIo } from '../src/plots/index';

interface Recorded {
  request: { path: string };
  response: { status: number; body: unknown };
}

function sample(number: number): Recorded {
  const dir = corpusPath('api-samples');
  const file = readdirSync(dir).find((f) => f.startsWith(`${number}_`))!;
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Recorded;
}

describe.runIf(requireShared('plots over recorded answers'))('the plots transforms read the real server’s answers (api-samples 35–53)', () => {
  it('dict and csv answers of the same run give the same tidy rows', () => {
    const dict = toTidy(sample(35).response.body);
    const csv = toTidy(sample(36).response.body);
    expect(csv).toEqual(dict);
    expect(dict).toHaveLength(40);
    expect(dict.find((r) => r.name === 'loss' && r.step === 2)!.metric).toBe(0.333333);
    expect(toWide(dict)[19]).toEqual({ step: 19, accuracy: 0.88, loss: 0.05 });
    expect(compile(lineChart(dict, { x: 'relative', smoothing: 0.6 }) as never).spec).toBeTruthy();
  });

  it('sampled, unknown-name and unknown-run answers', () => {
    expect(toTidy(sample(37).response.body).map((r) => r.step)).toEqual([1, 8, 10, 18, 19]);
    expect(toTidy(sample(38).response.body)).toEqual([]);
    expect(toTidy(sample(48).response.body)).toEqual([]);
    expect(toTidy(sample(39).response.body).map((r) => r.name)).toEqual(Array(20).fill('accuracy'));
  });

  it('multi-run answers give rows with their run; an unknown run adds none', () => {
    const rows = toTidy(sample(49).response.body);
    expect(new Set(rows.map((r) => r.run))).toEqual(new Set(['75c6cd1478b24203906491a3b56d73d8', '1693fd7302da4706b6da11f309a888c3', '95ce2e64e7314dcd8187672376061889']));
    expect(rows).toHaveLength(60);
    expect(toTidy(sample(50).response.body)).toHaveLength(18);
    const csv = toTidy(sample(51).response.body);
    expect(csv).toHaveLength(20);
    expect(csv.every((r) => r.run === '1693fd7302da4706b6da11f309a888c3')).toBe(true);
    expect(compile(lineChart(rows) as never).spec).toBeTruthy();
  });

  it('refuses non-metric answers with a clear message', () => {
    expect(() => toTidy(sample(40).response.body)).toThrow('`notes` is a `"text"` event, not a metric.');
  });

  it('parallel coordinates over the recorded runs’ inputs and outputs', () => {
    const runs = [52, 53].flatMap((n) => (sample(n).response.body as { results: Array<{ uuid: string; name: string; inputs: Record<string, unknown>; outputs: Record<string, unknown> }> }).results);
    const io: RunIo[] = runs.map((r) => ({ uid: r.uuid, name: r.name, values: { ...r.inputs, ...r.outputs } }));
    const spec = parallelCoordinates(io);
    expect(compile(spec as never).spec).toBeTruthy();
    expect((spec.datasets as { axes: unknown[] }).axes).toEqual(['lr', 'batch_size', 'optimizer', 'loss', 'accuracy', 'best_epoch'].map((column) => ({ column })));
  });
});
