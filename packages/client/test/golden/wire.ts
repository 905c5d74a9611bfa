import { readFileSync } from 'node:fs';
import { corpusPath } from '@px/testkit';

/** One request of a golden wire flow, normalised for comparison. */
export interface WireRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  json: unknown;
  multipartJson?: unknown;
}

const UUID = /[0-9a-f]{32}/g;
const TIMES = new Set(['last_update_time', 'last_transition_time']);

/** Replaces uuids and condition timestamps by placeholders. */
export function normalise(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UUID, '<uuid>');
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = TIMES.has(k) ? '<time>' : normalise(v);
    return out;
  }
  return value;
}

interface Exchange {
  type: string;
  request: {
    method: string;
    path: string;
    target: string;
    query: Array<[string, string]>;
    body: null | { json?: unknown; multipart?: { parts: Array<{ name: string; json?: unknown }> } };
  };
}

/** The requests of a golden flow (`golden/wire/<flow>.json`). */
export function goldenRequests(flow: string): Array<WireRequest & { target: string }> {
  const data = JSON.parse(readFileSync(corpusPath('golden', 'wire', `${flow}.json`), 'utf8')) as { entries: Exchange[] };
  return data.entries
    .filter((e) => e.type === 'exchange')
    .map((e) => {
      const body = e.request.body;
      const multipart = body?.multipart?.parts.find((p) => p.name === 'json')?.json;
      return {
        method: e.request.method,
        path: normalise(e.request.path) as string,
        target: e.request.target,
        query: normalise(e.request.query) as Array<[string, string]>,
        json: multipart === undefined ? normalise(body?.json ?? null) : null,
        ...(multipart === undefined ? {} : { multipartJson: multipart }),
      };
    });
}
