import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, px, requireBuild, sandbox, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(() => {
  requireBuild();
  sb = sandbox();
});
afterAll(() => sb.cleanup());

const job = join(FIXTURES, 'job.yaml');
const typed = join(FIXTURES, 'typed.yaml');
const badKind = join(FIXTURES, 'bad-kind.yaml');

describe('px check', () => {
  it('says a valid Polyaxonfile is valid (and its version with -v)', async () => {
    expect(await px(sb, ['check', '-f', job])).toEqual({ code: 0, stdout: 'Polyaxonfile valid\n', stderr: '' });
    expect((await px(sb, ['check', '-f', job, '-v'])).stdout).toBe('Polyaxonfile valid\nThe version is: 1.1\n');
  });

  it('prints {"ok": true, kind, spec} with -o json: the operation built from the file', async () => {
    const result = await px(sb, ['check', '-f', typed, '-P', 'lr=0.05', '-o', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(['ok', 'kind', 'spec']);
    expect(report.ok).toBe(true);
    expect(report.kind).toBe('operation');
    expect(report.spec).toMatchObject({ version: 1.1, kind: 'operation', params: { lr: { value: '0.05' } }, component: { name: 'typed', kind: 'component' } });
  });

  // Upstream adds `params` to the operation only when some are given (it printed `params: {}` before).
  it('omits params from the -o json operation when no -P is given', async () => {
    const result = await px(sb, ['check', '-f', job, '-o', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.spec.kind).toBe('operation');
    expect(Object.keys(report.spec)).not.toContain('params');
  });

  it('prints {"ok": false, error} with -o json and exits 1', async () => {
    const result = await px(sb, ['check', '-f', badKind, '-o', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.ok).toBe(false);
    expect(Object.keys(report.error).sort()).toEqual(['column', 'file', 'line', 'message', 'path', 'type']);
    expect(report.error).toMatchObject({ type: 'PolyaxonfileError', file: badKind, line: 4, column: 3, path: 'run.kind' });
    expect(report.error.message).toContain('jobb');
  });

  it('shows the offending line of the file in the readable verdict', async () => {
    const result = await px(sb, ['check', '-f', badKind]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Polyaxonfile is not valid.');
    expect(result.stderr).toContain(`--> ${badKind}:4:3`);
    expect(result.stderr).toContain('> 4 |   kind: jobb');
  });

  it('needs required params unless --lint', async () => {
    const missing = await px(sb, ['check', '-f', typed]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('lr');
    expect((await px(sb, ['check', '-f', typed, '--lint'])).code).toBe(0);
    expect((await px(sb, ['check', '-f', typed, '-l'])).code).toBe(0);
    const json = await px(sb, ['check', '-f', typed, '-o', 'json']);
    expect(JSON.parse(json.stdout).error.path).toBe('params.lr');
  });

  it('rejects bad -P syntax with exit 1 and a missing file with exit 2', async () => {
    const bad = await px(sb, ['check', '-f', typed, '-P', 'lr']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Invalid format for -P parameter: 'lr'");
    const missing = await px(sb, ['check', '-f', 'nope.yaml']);
    expect(missing).toMatchObject({ code: 2, stderr: "Error: Invalid value for '-f' / '--file': Path 'nope.yaml' does not exist.\n" });
    const json = await px(sb, ['check', '-f', 'nope.yaml', '-o', 'json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: false,
      error: { type: 'FileNotFoundError', message: "Path 'nope.yaml' does not exist.", file: 'nope.yaml', line: null, column: null, path: null },
    });
  });

  it('says what a -f path is when it is a directory, a FIFO or a device', async () => {
    const folder = join(sb.root, 'specs');
    mkdirSync(folder);
    const dir = await px(sb, ['check', '-f', folder]);
    expect(dir).toMatchObject({ code: 2, stderr: `Error: Invalid value for '-f' / '--file': Path '${folder}' is a directory.\n` });
    const json = await px(sb, ['check', '-f', folder, '-o', 'json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ type: 'IsADirectoryError', message: `Path '${folder}' is a directory.` });
    const device = await px(sb, ['check', '-f', '/dev/null']);
    expect(device).toMatchObject({ code: 2, stderr: "Error: Invalid value for '-f' / '--file': Path '/dev/null' is not a regular file.\n" });
    const fifo = join(sb.root, 'pipe.yaml');
    if (spawnSync('mkfifo', [fifo]).status !== 0) {
      console.warn('mkfifo is not available: the FIFO case of -f is skipped');
      return;
    }
    const piped = await px(sb, ['check', '-f', fifo]);
    expect(piped).toMatchObject({ code: 2, stderr: `Error: Invalid value for '-f' / '--file': Path '${fifo}' is not a regular file.\n` });
  });

  it('applies further -f files as presets', async () => {
    const preset = join(sb.root, 'preset.yaml');
    writeFileSync(preset, 'queue: agent/q1\ntags: [extra]\n');
    const result = await px(sb, ['check', '-f', job, '-f', preset, '-o', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).spec).toMatchObject({ queue: 'agent/q1', tags: ['extra'] });
  });

  it('finds polyaxonfile.yaml in the working directory, or says none was given', async () => {
    const none = await px(sb, ['check']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('called without a polyaxonfile');
    copyFileSync(job, join(sb.cwd, 'polyaxonfile.yaml'));
    expect((await px(sb, ['check'])).stdout).toBe('Polyaxonfile valid\n');
  });

  it('prints YAML with -o yaml', async () => {
    const result = await px(sb, ['check', '-f', job, '-o', 'yaml']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok: true\nkind: operation\nspec:\n {2}kind: operation\n/);
  });

  it('rejects python modules', async () => {
    const result = await px(sb, ['check', '-pm', 'mod.py']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not supported by px');
  });
});
