// `px ops ls --offline` opens each offline run: a row a killed writer left half-written is cut there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { px, type Sandbox, useSandbox } from './helpers';

let sb: Sandbox;
useSandbox((s) => (sb = s));

describe('offline runs with a torn event row', () => {
  it('ops ls --offline cuts the torn row and deletes the journal of the killed writer', async () => {
    const uuid = 'c'.repeat(32);
    const run = join(sb.offlineRoot, 'runs', uuid);
    mkdirSync(join(run, 'events', 'metric'), { recursive: true });
    writeFileSync(join(run, 'run.plx.json'), JSON.stringify({ uuid, name: 'killed', owner: 'default', project: 'demo', status: 'running', created_at: '2026-01-01T00:00:00+00:00' }));
    const whole = 'step|timestamp|metric\n1|2026-01-01 00:00:00+00:00|0.5\n2|2026-01-01 00:00:01+00:00|0.25';
    const torn = '\n3|2026-01-01 00:00:0';
    writeFileSync(join(run, 'events', 'metric', 'loss.plx'), whole + torn);
    // the journal of a writer whose process is gone, recording the append that was cut short
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const journal = join(run, `.px-writing-${dead}-events`);
    const record = JSON.stringify({ path: 'events/metric/loss.plx', start: whole.length, end: whole.length + 60 });
    writeFileSync(journal, record.padEnd(4096, ' '));
    const ls = await px(sb, ['ops', 'ls', '--offline']);
    expect(ls.code).toBe(0);
    expect(ls.stdout).toContain(uuid);
    expect(readFileSync(join(run, 'events', 'metric', 'loss.plx'), 'utf8')).toBe(whole);
    expect(existsSync(journal)).toBe(false);
  });
});
