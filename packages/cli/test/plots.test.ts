import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Run } from '@px/tracking';
import { startApiServer, type ApiServer } from '@px/testkit';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium, openOffline } from './support/chromium';
import { byClass, parseSvg, textOf } from './support/svg-tree';
import { px, type Sandbox, useSandbox } from './helpers';

let sb: Sandbox;
useSandbox((s) => (sb = s));

/** Tracks an offline run with @px/tracking, as a training script would. */
async function trackOffline(name: string, lr: number, metrics: (step: number) => Record<string, number>, steps = 20): Promise<string> {
  const run = await Run.init({ project: 'sweep', name, isOffline: true, env: { ...sb.env } });
  run.logInputs({ lr, optimizer: lr > 0.05 ? 'sgd' : 'adam' });
  for (let step = 0; step < steps; step++) run.logMetrics(metrics(step), { step });
  await run.end();
  return run.runUuid!;
}

const decay = (lr: number) => (step: number) => ({ loss: 2 * Math.exp(-lr * 10 * step), accuracy: 1 - Math.exp(-lr * 10 * step) });

describe('px ops plot --offline', () => {
  it('writes an SVG with one line per metric and axis titles', async () => {
    const uid = await trackOffline('lr-0.1', 0.1, decay(0.1));
    const result = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '-o', 'svg']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const svg = parseSvg(result.stdout);
    const lines = byClass(svg, 'mark-line', 'role-mark');
    expect(lines).toHaveLength(2);
    expect(byClass(svg, 'role-axis-title').map(textOf)).toContain('step');
    expect(byClass(svg, 'role-legend-label').map(textOf).sort()).toEqual(['accuracy', 'loss']);
    expect(byClass(svg, 'role-title-text').map(textOf)).toEqual([`Run ${uid}`]);
  });

  it('draws at the terminal within the width, without colours off a TTY, and CSV by default on a pipe', async () => {
    const uid = await trackOffline('lr-0.1', 0.1, decay(0.1));
    const chart = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '-o', 'terminal', '--metrics', 'loss', '--smooth', '0.5']);
    expect(chart.code).toBe(0);
    const lines = chart.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Metrics of the offline run \`${uid}\` (smoothing 0.5)`);
    expect(lines.every((l) => Array.from(l).length <= 80)).toBe(true);
    expect(chart.stdout).not.toContain('\u001b[');
    expect(chart.stdout).toMatch(/[\u2801-\u28ff]/);
    expect(lines.at(-1)).toMatch(/━━ loss$/);
    const csv = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '--metrics', 'accuracy']);
    const csvLines = csv.stdout.trimEnd().split('\n');
    expect(csvLines[0]).toBe('step,timestamp,metric,name');
    expect(csvLines).toHaveLength(21);
    expect(csvLines[1]).toMatch(/^0,\d{4}-\d\d-\d\dT[\d:.]+Z,0,accuracy$/);
  });

  it('writes PNG, HTML and JSON files with --out', async () => {
    const uid = await trackOffline('lr-0.1', 0.1, decay(0.1));
    for (const [file, check] of [
      ['plot.png', (b: Buffer) => expect([...b.subarray(0, 4)]).toEqual([137, 80, 78, 71])],
      ['plot.html', (b: Buffer) => expect(b.toString()).toMatch(/^<!doctype html>[\s\S]*vegaEmbed/)],
      ['plot.json', (b: Buffer) => expect(JSON.parse(b.toString())).toHaveProperty('$schema')],
    ] as const) {
      const result = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '--out', file]);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`output was written to ${join(sb.cwd, file)}`);
      check(readFileSync(join(sb.cwd, file)));
    }
  });

  it('draws grouped bars and a scatter of two metrics, and both kinds at the terminal', async () => {
    const uid = await trackOffline('lr-0.1', 0.1, decay(0.1), 5);
    const bars = parseSvg((await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '-k', 'bar', '-o', 'svg'])).stdout);
    expect(byClass(bars, 'mark-rect', 'role-mark')[0]!.children).toHaveLength(10);
    const scatter = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '-k', 'scatter', '-m', 'loss,accuracy', '-o', 'svg']);
    expect(scatter.code).toBe(0);
    const svg = parseSvg(scatter.stdout);
    expect(byClass(svg, 'mark-symbol', 'role-mark')[0]!.children).toHaveLength(5);
    expect(byClass(svg, 'role-axis-title').map(textOf).sort()).toEqual(['accuracy', 'loss']);
    const terminalBars = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '-k', 'bar', '-o', 'terminal']);
    expect(terminalBars.stdout).toMatch(/^loss +█+[▏▎▍▌▋▊▉]? +[\d.e+-]+$/m);
    const terminalScatter = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '-k', 'scatter', '-m', 'loss,accuracy', '-o', 'terminal']);
    expect(terminalScatter.code).toBe(0);
    expect(terminalScatter.stdout.trimEnd().split('\n').at(-1)).toMatch(/━━ accuracy against loss$/);
  });

  it('names the missing metric, the run and the metrics it has', async () => {
    const uid = await trackOffline('lr-0.1', 0.1, decay(0.1));
    const result = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '--metrics', 'los', '-o', 'svg']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('los');
    expect(result.stderr).toContain(uid);
    expect(result.stderr).toMatch(/accuracy, loss/);
  });

  it('charts one point, NaN values and flat series, and explains an empty run', async () => {
    const one = await trackOffline('one', 0.1, () => ({ loss: 1 }), 1);
    const single = await px(sb, ['ops', 'plot', '--offline', '--uid', one, '-o', 'svg']);
    expect(single.code).toBe(0);
    expect(byClass(parseSvg(single.stdout), 'role-mark').length).toBeGreaterThan(0);
    const nan = await trackOffline('nan', 0.1, (s) => ({ loss: s % 2 === 0 ? Number.NaN : s }), 6);
    const withNan = await px(sb, ['ops', 'plot', '--offline', '--uid', nan, '-o', 'terminal']);
    expect(withNan.code).toBe(0);
    expect(withNan.stderr).toContain('Values left out of the chart: loss: 3 NaN/infinite.');
    const empty = await trackOffline('empty', 0.1, () => ({}), 0);
    const none = await px(sb, ['ops', 'plot', '--offline', '--uid', empty, '-o', 'svg']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`The offline run \`${empty}\` has no metrics to plot.`);
    expect(none.stdout).toBe('');
  });

  it('rejects bad options with usage errors', async () => {
    const uid = await trackOffline('lr-0.1', 0.1, decay(0.1));
    expect((await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '--kind', 'pie'])).code).toBe(2);
    expect((await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '--smooth', '2'])).code).toBe(2);
    const scatter = await px(sb, ['ops', 'plot', '--offline', '--uid', uid, '--kind', 'scatter', '--metrics', 'loss']);
    expect(scatter.code).toBe(2);
    expect(scatter.stderr).toContain('A scatter plot needs exactly two metrics');
  });
});

describe('px ops compare --offline', () => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (chromiumAvailable) browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('writes an HTML report that renders offline in Chromium: parallel coordinates and one chart per metric', async () => {
    for (const lr of [0.01, 0.1, 0.3]) await trackOffline(`lr-${lr}`, lr, decay(lr));
    const result = await px(sb, ['ops', 'compare', '--offline', '--metrics', 'loss,accuracy', '-o', 'html', '--out', 'compare.html']);
    expect(result.code).toBe(0);
    const html = readFileSync(join(sb.cwd, 'compare.html'), 'utf8');
    expect(html).toContain('<title>Comparison of 3 runs</title>');
    expect(html).not.toMatch(/<script[^>]+src=/);
    if (browser === undefined) return;
    const opened = await openOffline(browser, html, join(sb.root, 'compare.png'));
    expect(opened.errors).toEqual([]);
    expect(opened.requests).toEqual([]);
    expect(opened.charts.map((c) => c.title)).toEqual(['Inputs and outputs', 'loss', 'accuracy']);
    expect(opened.charts.map((c) => c.svg)).toEqual([1, 1, 1]);
    expect(opened.charts[0]!.lines).toBe(3);
    expect(opened.charts[1]!.lines).toBe(3);
  }, 60_000);

  it('prints a sorted table with sparklines, and sorted CSV', async () => {
    for (const lr of [0.01, 0.3, 0.1]) await trackOffline(`lr-${lr}`, lr, decay(lr));
    const table = await px(sb, ['ops', 'compare', '--offline', '--metrics', 'loss', '--sort', 'metrics.loss', '-o', 'terminal']);
    expect(table.code).toBe(0);
    const names = [...table.stdout.matchAll(/│ [0-9a-f]{8}[0-9a-f…]* +│ (lr-[\d.]+) /g)].map((m) => m[1]);
    expect(names).toEqual(['lr-0.3', 'lr-0.1', 'lr-0.01']);
    expect(table.stdout).toMatch(/\n {2}lr-0\.01 +[▁▂▃▄▅▆▇█ ]+ [\d.e+-]+\n/);
    const csv = await px(sb, ['ops', 'compare', '--offline', '--metrics', 'loss', '--params', 'lr', '--sort', '-lr']);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('uid,name,lr,metrics.loss');
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['0.3', '0.1', '0.01']);
  });

  it('says so when there are no runs, no such metric, or a query offline', async () => {
    const empty = await px(sb, ['ops', 'compare', '--offline']);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('No offline runs were found under');
    await trackOffline('a', 0.1, decay(0.1));
    const missing = await px(sb, ['ops', 'compare', '--offline', '--metrics', 'f1']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('None of the 1 runs has the metric `f1`.');
    expect((await px(sb, ['ops', 'compare', '--offline', '-q', 'status:running'])).stderr).toContain('not available with `--offline`');
  });
});

describe('px ops plot / compare against the API test server', () => {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(() => server.close());

  function seed(name: string, lr: number, loss: readonly number[]): string {
    const run = server.state.addRun({ project: 'demo', name, kind: 'job', status: 'succeeded', inputs: { lr }, outputs: { loss: loss.at(-1)! } });
    server.state.addLineage(run, [{ name: 'loss', kind: 'metric', path: `${run.uuid}/events/metric/loss.plx` }]);
    const dir = join(server.artifactsDir, run.uuid, 'events', 'metric');
    mkdirSync(dir, { recursive: true });
    const rows = loss.map((v, step) => `${step}|2026-12-01 10:00:0${step}.000000+00:00|${v}`);
    writeFileSync(join(dir, 'loss.plx'), `step|timestamp|metric\n${rows.join('\n')}\n`);
    return run.uuid;
  }

  beforeEach(() => {
    server.state.clear();
    server.state.addProject({ name: 'demo' });
    sb.env.POLYAXON_HOST = server.url;
  });

  it('plots a run through the events endpoint and names a missing metric', async () => {
    const uid = seed('a', 0.1, [1, 0.5, 0.25]);
    const result = await px(sb, ['ops', 'plot', '-p', 'demo', '--uid', uid, '--metrics', 'loss', '-o', 'svg']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(byClass(parseSvg(result.stdout), 'mark-line', 'role-mark')).toHaveLength(1);
    expect(server.requests.some((r) => r.path.endsWith(`/runs/${uid}/events/metric`))).toBe(true);
    const missing = await px(sb, ['ops', 'plot', '-p', 'demo', '--uid', uid, '--metrics', 'acc']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('acc');
    expect(missing.stderr).toContain(uid);
  });

  it('plots every metric of the run (from its metric lineage) at the terminal, run from the cache', async () => {
    const uid = seed('a', 0.1, [1, 0.5, 0.25]);
    expect((await px(sb, ['init', '-p', 'demo', '--yes'])).code).toBe(0);
    expect((await px(sb, ['ops', 'get', '--uid', uid])).code).toBe(0);
    const result = await px(sb, ['ops', 'plot', '-o', 'terminal'], { env: { COLUMNS: '50' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Metrics of the run \`${uid}\``);
    expect(lines.slice(1).every((l) => Array.from(l).length <= 50)).toBe(true);
    expect(lines.at(-1)).toMatch(/━━ loss$/);
  });

  it('compares runs with one multi-run events request', async () => {
    seed('slow', 0.01, [1, 0.9, 0.8]);
    seed('fast', 0.3, [1, 0.3, 0.1]);
    const result = await px(sb, ['ops', 'compare', '-p', 'demo', '--metrics', 'loss', '-o', 'csv']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    // the last loss is also the output `loss` of each run: one column, not two
    expect(lines[0]).toBe('uid,name,lr,loss');
    expect(lines.slice(1).map((l) => l.split(',').slice(1).join(',')).sort()).toEqual(['fast,0.3,0.1', 'slow,0.01,0.8']);
    expect(server.requests.filter((r) => r.path.endsWith('/runs/multi/events/metric'))).toHaveLength(1);
    const png = await px(sb, ['ops', 'compare', '-p', 'demo', '--metrics', 'loss', '-o', 'png', '--out', 'c.png']);
    expect(png.code).toBe(0);
    expect([...readFileSync(join(sb.cwd, 'c.png')).subarray(0, 4)]).toEqual([137, 80, 78, 71]);
  });
});
