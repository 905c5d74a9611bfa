// Upstream's Python `polyaxon.tracking`: a bare `tracking.init()` under `px run --local --offline` attaches to the
// run px created. Skips when `python3 -c "import polyaxon"` fails (PyPI is not reachable on every machine).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { px, type Sandbox, useSandbox } from './helpers';

const python = spawnSync('python3', ['-c', 'import polyaxon, site; print(site.getuserbase())'], { encoding: 'utf8' });
const hasPolyaxon = python.status === 0;
if (!hasPolyaxon) console.warn('[px] local-run Python tracking test skipped: `python3 -c "import polyaxon"` fails');

let sb: Sandbox;
useSandbox((s) => (sb = s));

describe('a Python training script with a bare polyaxon tracking.init()', () => {
  it.runIf(hasPolyaxon)('logs into the run px created (same uuid and folder), offline', async () => {
    writeFileSync(
      join(sb.root, 'train.py'),
      [
        'import sys',
        'from polyaxon import tracking',
        'lr = float(sys.argv[1])',
        'tracking.init()',
        'for step in range(5):',
        '    tracking.log_metrics(step=step, loss=1 / (step + 1), score=lr)',
        'print(f"trained lr={lr}", flush=True)',
        'tracking.end()',
      ].join('\n'),
    );
    writeFileSync(
      join(sb.cwd, 'py.yaml'),
      'version: 1.1\nkind: component\nname: py\ninputs: [{name: lr, type: float}]\nrun:\n  kind: job\n  container: {image: python, command: [python3, ../train.py, "{{ lr }}"]}\n',
    );
    // a user-site install of polyaxon stays importable with the sandbox's HOME
    const env = { PYTHONUSERBASE: python.stdout.trim() };
    const result = await px(sb, ['run', '-f', 'py.yaml', '-P', 'lr=0.5', '--local', '--offline', '-exc', 'process', '-p', 'acme/lab'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('trained lr=0.5');
    const uuids = readdirSync(join(sb.offlineRoot, 'runs'));
    expect(uuids).toHaveLength(1);
    const dir = join(sb.offlineRoot, 'runs', uuids[0]!);
    const run = JSON.parse(readFileSync(join(dir, 'run.plx.json'), 'utf8')) as { uuid: string; name: string; status: string; inputs: Record<string, unknown> };
    expect(run).toMatchObject({ uuid: uuids[0], name: 'py', status: 'succeeded', inputs: { lr: 0.5 } });
    const loss = readFileSync(join(dir, 'events', 'metric', 'loss.plx'), 'utf8').trim().split('\n');
    expect(loss[0]).toBe('step|timestamp|metric');
    expect(loss).toHaveLength(6);
  });
});
