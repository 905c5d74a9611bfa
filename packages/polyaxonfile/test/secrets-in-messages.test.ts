// Errors about a file that is not a Polyaxonfile mapping name the file, never its content
// (a `-f` or `pathRef` pointing at a token file, an env dump or the CLI's `.auth`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPolyaxonfile, getSpecification, PolyaxonfileError } from '../src/node';

const SECRET = 's3cr3t-token-5d1f0e9c';
const dir = mkdtempSync(join(tmpdir(), 'px-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function failure(run: () => unknown): Promise<PolyaxonfileError> {
  try {
    await run();
  } catch (error) {
    expect(PolyaxonfileError.isInstance(error)).toBe(true);
    return error as PolyaxonfileError;
  }
  throw new Error('expected a PolyaxonfileError');
}

function everything(error: PolyaxonfileError): string {
  return `${error.message}\n${JSON.stringify(error)}\n${String(error.stack)}`;
}

describe('secrets in messages', () => {
  it('names a token file read as a Polyaxonfile without quoting it', async () => {
    const token = file('token', `${SECRET}\n`);
    const error = await failure(() => getSpecification(token));
    expect(everything(error)).not.toContain(SECRET);
    expect(error.file).toBe(token);
    expect(error.issues[0]?.received).toBe('string (content not shown)');
  });

  it('names an env dump without quoting it', async () => {
    const env = file('env', `POLYAXON_AUTH_TOKEN=${SECRET}\nHOME=/root\n`);
    const error = await failure(() => checkPolyaxonfile({ polyaxonfile: [env] }));
    expect(everything(error)).not.toContain(SECRET);
  });

  it('does not quote the file a pathRef points at', async () => {
    file('creds.txt', SECRET);
    const ref = file('ref.yaml', 'version: 1.1\nkind: operation\npathRef: ./creds.txt\n');
    const error = await failure(() => checkPolyaxonfile({ polyaxonfile: [ref] }));
    expect(everything(error)).not.toContain(SECRET);
    expect(everything(error)).toContain('creds.txt');
  });
});
