import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from './collect-files';

describe('collectFiles with a .polyaxonignore', () => {
  it('applies negation, classes and case-insensitive matching to real files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'px-collect-'));
    mkdirSync(join(dir, 'Logs'));
    for (const name of ['a.log', 'KEEP.log', 'a.txt', 'b.txt', 'c.txt', 'Logs/x.txt', 'run.plx.json']) writeFileSync(join(dir, name), 'x');
    writeFileSync(join(dir, '.polyaxonignore'), '*.log\n!keep.log\n[ab].txt\nlogs/\n!run.plx.json\n');
    const files = (await collectFiles(dir)).map((file) => file.relPath);
    expect(files).toEqual(['KEEP.log', 'c.txt']);
  });
});
