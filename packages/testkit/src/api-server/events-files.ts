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
  try {
    return JSON.parse(raw) as Json;
  } catch {
    return raw;
  }
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
 * or columns (`orient=dict`, the default). Missing files are skipped.
 */
export function readRunEvents(runDir: string, kind: string, names: readonly string[], orient: string, base = 'events'): JsonObject[] {
  const events: JsonObject[] = [];
  for (const name of names) {
    const file = join(runDir, base, kind, `${name}.plx`);
    if (!existsSync(file)) continue;
    const content = readFileSync(file, 'utf8');
    if (content === '') continue;
    events.push({ name, kind, data: orient === 'csv' ? content : eventColumns(kind, content) });
  }
  return events;
}
