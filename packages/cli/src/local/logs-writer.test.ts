import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LogsWriter } from './logs-writer';

describe('LogsWriter', () => {
  it('streams lines live with a prefix, keeps the stderr tail and saves every line in upstream logs files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'px-logs-'));
    try {
      let live = '';
      const sink = { write: (text: string) => ((live += text), true) };
      const logs = new LogsWriter({ runPath: dir, uuid: 'u1', stdout: sink, stderr: sink, prefix: '[a] ' });
      const out = new PassThrough();
      const err = new PassThrough();
      const done = Promise.all([logs.follow(out, 'stdout', 'polyaxon-main'), logs.follow(err, 'stderr', 'polyaxon-main')]);
      out.write('one\ntw');
      out.end('o\r\nlast without newline');
      for (let i = 0; i < 12; i++) err.write(`e${i}\n`);
      err.end();
      await done;
      logs.flush();
      expect(live).toContain('[a] one\n[a] two\n');
      expect(live).toContain('[a] last without newline\n');
      expect(logs.stderrTail()).toEqual(['e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10', 'e11']);
      const files = readdirSync(join(dir, 'plxlogs'));
      const saved = files.flatMap((f) => (JSON.parse(readFileSync(join(dir, 'plxlogs', f), 'utf8')) as { logs: { value: string; pod: string; timestamp: string }[] }).logs);
      expect(saved).toHaveLength(15);
      expect(saved[0]).toMatchObject({ pod: 'plx-operation-u1', container: 'polyaxon-main', node: 'local' });
      expect(saved[0]!.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
