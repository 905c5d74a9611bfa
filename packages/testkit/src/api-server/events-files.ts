import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json, JsonObject } from './json';

/** Kinds whose event files are JSON lines (the others are `step|timestamp|<kind>` rows). */
const JSONL_KINDS = new Set(['html', 'text', 'chart', 'span']);

function cell(kind: string, column: string, raw: string): Json {
  if (raw === '') return null;
  if (column === 'step') return Number.isNaN(Number(raw)) ? raw : Number(raw);
  if (column === 'timestamp') return raw;
  if (kind === 'metric') {
    const lower = raw.toLowerCase();
    if (lower === 'nan') return 'NaN';
    if (lower === 'inf') return 'Infinity';
    if (lower === '-inf') return '-Infinity';
    return Number(raw);
  }
  // Curve, image, histogram... cells are JSON text, returned as the string itself (samples 42-44).
  return raw;
}

/** A small seeded generator (mulberry32), so `sample=N` picks the same rows on every call. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Keeps `n` rows of each column picked at random (seeded, like pandas'
 * `sample(n, random_state=0)`, though not the same rows) in their original
 * order; every row when `n` is at least the row count.
 */
export function sampleColumns(columns: JsonObject, n: number): JsonObject {
  const lists = Object.values(columns) as Json[][];
  const total = lists[0]?.length ?? 0;
  if (!(n >= 0) || n >= total) return columns;
  const random = seeded(0);
  const indices = Array.from({ length: total }, (_, i) => i);
  for (let i = total - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [indices[i], indices[j]] = [indices[j]!, indices[i]!];
  }
  const keep = indices.slice(0, n).sort((a, b) => a - b);
  const out: JsonObject = {};
  for (const [name, values] of Object.entries(columns)) out[name] = keep.map((i) => (values as Json[])[i] ?? null);
  return out;
}

/** Column-oriented view of an event file's content (`orient=dict`). */
export function eventColumns(kind: string, content: string): JsonObject {
  const columns: JsonObject = {};
  if (JSONL_KINDS.has(kind)) {
    const names = ['timestamp', 'step', kind];
    for (const name of names) columns[name] = [];
    for (const line of content.split('\n')) {
      if (line.trim() === '') continue;
      const parsed = JSON.parse(line) as JsonObject;
      for (const name of names) (columns[name] as Json[]).push(parsed[name] ?? null);
    }
    return columns;
  }
  const lines = content.split('\n');
  const header = (lines.shift() ?? '').split('|');
  for (const name of header) columns[name] = [];
  for (const line of lines) {
    if (line === '') continue;
    const parts = line.split('|');
    // The last column holds JSON that may itself contain `|`.
    const values = [...parts.slice(0, header.length - 1), parts.slice(header.length - 1).join('|')];
    header.forEach((name, i) => (columns[name] as Json[]).push(cell(kind, name, values[i] ?? '')));
  }
  return columns;
}

/**
 * Reads `events/<kind>/<name>.plx` of a run folder, as the streams events
 * endpoint returns it: `{name, kind, data}` with the raw file (`orient=csv`)
 * or columns (`orient=dict`, the default; `sample` keeps that many random
 * rows). Missing files are skipped. Entries come sorted by name, not in the
 * asked order (the real server does not keep it either, sample 35).
 */
export function readRunEvents(runDir: string, kind: string, names: readonly string[], orient: string, base = 'events', sample?: number): JsonObject[] {
  const events: JsonObject[] = [];
  for (const name of [...new Set(names)].sort()) {
    const file = join(runDir, base, kind, `${name}.plx`);
    if (!existsSync(file)) continue;
    const content = readFileSync(file, 'utf8');
    if (content === '') continue;
    const columns = orient === 'csv' ? undefined : eventColumns(kind, content);
    events.push({ name, kind, data: columns === undefined ? content : sample === undefined ? columns : sampleColumns(columns, sample) });
  }
  return events;
}
