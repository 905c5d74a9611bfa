import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireShared } from '@px/testkit';
import { roundTrip } from './round-trip';
import { sandbox } from './sandbox';

interface FileChange {
  path: string;
  change: 'created' | 'modified' | 'deleted';
  text?: string;
}
interface Session {
  steps: { label: string; file_changes?: FileChange[] }[];
}

const CONFIG_FILES = new Set(['.client', '.auth', '.user', '.cli', '.home', '.project', '.run']);

function changes(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const name of ['session.json', 'session-home.json']) {
    const session = JSON.parse(readFileSync(corpusPath('golden/cli-config', name), 'utf8')) as Session;
    for (const step of session.steps) {
      for (const change of step.file_changes ?? []) {
        const base = change.path.slice(change.path.lastIndexOf('/') + 1);
        if (change.text !== undefined && CONFIG_FILES.has(base)) out.push([`${name}: ${step.label}`, change.path, change.text]);
      }
    }
  }
  return out;
}

const shared = requireShared('context golden cli-config');
// The session files are read only when ../shared exists (the suite is skipped otherwise).
const rows = shared ? changes() : [];

describe.runIf(shared)('golden CLI sessions: every config file the Python CLI wrote', () => {
  it('covers every kind of config file', () => {
    const kinds = new Set(rows.map(([, path]) => path.slice(path.lastIndexOf('/') + 1)));
    expect([...kinds].sort()).toEqual(['.auth', '.cli', '.client', '.home', '.project', '.run', '.user']);
  });

  it.each(rows)('%s: %s is read and rewritten byte for byte', (_label, path, text) => {
    expect(roundTrip(sandbox(), path, text)).toBe(text);
  });
});
