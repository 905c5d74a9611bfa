// A reader in another process never sees a partial or missing file while px rewrites it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFilePaths, writeAuthFile } from '../src/index';
import { sandbox } from './sandbox';

const READER = `
const { readFileSync, existsSync } = require('node:fs');
const [path, done] = process.argv.slice(1);
let reads = 0, failures = 0;
process.stdout.write('ready\\n');
while (!existsSync(done)) {
  try { JSON.parse(readFileSync(path, 'utf8')); } catch { failures++; }
  reads++;
}
process.stdout.write(JSON.stringify({ reads, failures }) + '\\n');
`;

describe('atomic writes under a concurrent reader', () => {
  it('every read of .auth parses while it is rewritten 300 times', async () => {
    const box = sandbox();
    const options = box.options();
    const path = configFilePaths(options).auth;
    const done = join(box.root, 'done');
    writeAuthFile({ username: 'u', token: 't' }, options);
    const child = spawn(process.execPath, ['-e', READER, path, done], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (output += chunk));
    while (!output.includes('ready')) await new Promise((resolve) => setTimeout(resolve, 5));
    const big = 'x'.repeat(200_000);
    for (let i = 0; i < 300; i++) writeAuthFile({ username: `${big}${i}`, token: `t${i}` }, options);
    writeFileSync(done, '');
    await once(child, 'exit');
    const result = JSON.parse(output.split('\n')[1]!) as { reads: number; failures: number };
    expect(result.reads).toBeGreaterThan(0);
    expect(result.failures).toBe(0);
  });
});
