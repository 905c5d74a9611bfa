import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compactJson } from '@px/client';
import { summarizeEventFile } from './event-summary';
import { sortedQuantile } from './numpy-stats';

const dir = mkdtempSync(join(tmpdir(), 'px-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function summaryOf(name: string, kind: string, text: string): string {
  const path = join(dir, `${name}.plx`);
  writeFileSync(path, text);
  return compactJson(summarizeEventFile(path, kind));
}

describe('event summaries (pandas describe)', () => {
  it('matches the golden loss summary', () => {
    const rows = [1.0, 0.5, 0.3333, 0.25, 0.2].map((v, i) => `\n${i}|2026-11-23 00:30:34.27600${i}+00:00|${v}`).join('');
    expect(summaryOf('loss', 'metric', `step|timestamp|metric${rows}`)).toBe(
      '{"is_event":true,"step":{"count":5,"min":0,"max":4},"timestamp":{"min":"2026-11-23T00:30:34.276000+00:00","max":"2026-11-23T00:30:34.276004+00:00"},"metric":{"count":5.0,"mean":0.45666,"std":0.32438291878580783,"min":0.2,"25%":0.25,"50%":0.3333,"75%":0.5,"max":1.0,"last":0.2}}',
    );
  });

  it('matches the golden edge-case summary (nan, inf, -0.0)', () => {
    const values = ['1e-05', '0.0001', '1e+16', '1e+21', '123456789.123', '0.30000000000000004', '3.0', '0.10000000149011612', '7.0', 'nan', 'inf', '-0.0', '5e-324', '1.5e+300', '1.0', '2.5'];
    const rows = values.map((v, i) => `\n${i}|2026-11-23 00:38:28.705628+00:00|${v}`).join('');
    // pandas parses 0.10000000149011612 one ulp off with its own CSV float parser, so the
    // golden 25% is 0.050050000745058054; ours is the correctly rounded neighbour.
    expect(summaryOf('edge', 'metric', `step|timestamp|metric${rows}`)).toContain(
      '"metric":{"count":15.0,"mean":null,"std":null,"min":-0.0,"25%":0.05005000074505806,"50%":2.5,"75%":5000000061728395.0,"max":null,"last":2.5}',
    );
  });

  it('turns steps into floats when some are empty', () => {
    const text = 'step|timestamp|metric\n|2024-01-02 03:04:05+00:00|1.0\n1|2024-01-02 03:04:05.120000+02:00|2.0\n2|2024-01-02 03:04:05.500000+00:00|3.0';
    expect(summaryOf('ts', 'metric', text)).toBe(
      '{"is_event":true,"step":{"count":2,"min":null,"max":2.0},"timestamp":{"min":"2024-01-02T03:04:05+00:00","max":"2024-01-02T03:04:05.500000+00:00"},"metric":{"count":3.0,"mean":2.0,"std":1.0,"min":1.0,"25%":1.5,"50%":2.0,"75%":2.5,"max":3.0,"last":3.0}}',
    );
  });

  it('reads JSON-lines files', () => {
    const text = '\n{"timestamp": "2026-11-23 00:38:28.707469+00:00", "step": 1, "text": "a"}\n{"timestamp": "2026-11-23 00:38:28.707527+00:00", "step": null, "text": "b"}';
    expect(summaryOf('t', 'text', text)).toBe(
      '{"is_event":true,"step":{"count":1,"min":1.0,"max":null},"timestamp":{"min":"2026-11-23T00:38:28.707469+00:00","max":"2026-11-23T00:38:28.707527+00:00"}}',
    );
  });

  it('omits the step block without steps and skips empty files', () => {
    expect(summaryOf('cpu', 'metric', 'step|timestamp|metric\n|2026-11-23 00:38:28.388428+00:00|48.9')).toBe(
      '{"is_event":true,"timestamp":{"min":"2026-11-23T00:38:28.388428+00:00","max":"2026-11-23T00:38:28.388428+00:00"},"metric":{"count":1.0,"mean":48.9,"std":null,"min":48.9,"25%":48.9,"50%":48.9,"75%":48.9,"max":48.9,"last":48.9}}',
    );
    expect(summaryOf('empty', 'metric', 'step|timestamp|metric')).toBe('null');
  });

  it('summarises a long metric file exactly without holding its values (bounded buffers, temporary file removed)', () => {
    const rows = 300_000;
    const lines: string[] = ['step|timestamp|metric'];
    for (let i = 0; i < rows; i++) lines.push(`${i}|2026-11-23 00:30:34.276000+00:00|${i % 1000 === 0 ? 'nan' : formatValue(i)}`);
    const path = join(dir, 'long.plx');
    writeFileSync(path, lines.join('\n'));
    const Original = Float64Array;
    let largest = 0;
    class Tracked extends Original {
      constructor(...args: unknown[]) {
        super(...(args as [number]));
        largest = Math.max(largest, this.length);
      }
    }
    vi.stubGlobal('Float64Array', Tracked);
    let summary: string;
    try {
      summary = compactJson(summarizeEventFile(path, 'metric'));
    } finally {
      vi.unstubAllGlobals();
    }
    // the old reader held one 8-byte slot per row (300,000 here); now at most 1 MiB of values at a time
    expect(largest).toBeLessThanOrEqual(131_072);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('px-summary-') && !before.has(name))).toEqual([]);
    const values = Array.from({ length: rows }, (_, i) => (i % 1000 === 0 ? Number.NaN : Number(formatValue(i))));
    const sorted = Float64Array.from(values.filter((v) => v === v)).sort();
    const quartile = (q: number): number => sortedQuantile(sorted, q);
    expect(JSON.parse(summary)).toMatchObject({
      step: { count: rows, min: 0, max: rows - 1 },
      metric: { count: sorted.length, min: sorted[0], max: sorted.at(-1), '25%': quartile(0.25), '50%': quartile(0.5), '75%': quartile(0.75) },
    });
  });
});

const before = new Set(readdirSync(tmpdir()));

function formatValue(i: number): string {
  return `${((i * 7919) % 100_003) / 1024}`;
}

