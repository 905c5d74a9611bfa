// `px run --local --dry-run` of a pipeline prints every op's resolved command, nothing runs.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, px, type Sandbox, useSandbox } from './helpers';

let sb: Sandbox;
useSandbox((s) => (sb = s));

describe('px run --local --dry-run of a dag', () => {
  it('prints each op with its upstream ops and its command; upstream outputs show as placeholders', async () => {
    const result = await px(sb, ['run', '-f', join(FIXTURES, 'local', 'dag.yaml'), '--local', '--offline', '-exc', 'process', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(
      [
        '# op produce (after: nothing)',
        'node ../train.mjs 0.25',
        '# op other (after: nothing)',
        "sh -c 'echo got independent'",
        '# op consume (after: produce)',
        "sh -c 'echo got <ops.produce.outputs.score>'",
        '# op after-failure (after: broken)',
        "sh -c 'echo got never'",
        '# op broken (after: nothing)',
        "sh -c 'exit 2'",
        '',
      ].join('\n'),
    );
    const docker = await px(sb, ['run', '-f', join(FIXTURES, 'local', 'dag.yaml'), '--local', '--offline', '-exc', 'docker', '--dry-run']);
    expect(docker.code, docker.stderr).toBe(0);
    expect(docker.stdout).toMatch(/^# op consume \(after: produce\)\ndocker run --rm .* --entrypoint sh busybox -c 'echo got <ops\.produce\.outputs\.score>'$/m);
    expect(existsSync(join(sb.offlineRoot, 'runs')) ? readdirSync(join(sb.offlineRoot, 'runs')) : []).toEqual([]);
  });
});
