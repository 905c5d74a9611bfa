import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolyaxonfileError } from '../errors';
import { getSpecification } from './specifications';
import { parseBytes } from './decode-utf8';

const enc = new TextEncoder();
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...enc.encode(part)] : part)));

function failure(run: () => unknown): PolyaxonfileError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PolyaxonfileError);
    return error as PolyaxonfileError;
  }
  throw new Error('expected a PolyaxonfileError');
}

// Before: bytes were decoded leniently, so invalid UTF-8 became U+FFFD and the file was accepted.
describe('invalid UTF-8', () => {
  it('is refused with the file, line and column of the first bad byte, from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'px-utf8-'));
    try {
      const file = join(dir, 'polyaxonfile.yaml');
      writeFileSync(file, bytes('version: 1.1\nkind: component\nname: é', [0xff], 'x\nrun: {kind: job, container: {image: x}}\n'));
      const error = failure(() => getSpecification(file));
      expect(error.stage).toBe('yaml');
      expect(error.issues[0]).toMatchObject({ file, line: 3, column: 8 });
      expect(error.message).toContain("'utf-8' codec can't decode byte #xff: invalid start byte");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is refused in bytes given as a Uint8Array, naming the reason as Python does', () => {
    expect(failure(() => getSpecification(bytes('a: ', [0xe2, 0x28, 0xa1])))).toMatchObject({ line: 1, column: 4 });
    expect(failure(() => parseBytes(bytes('a: 1\r\nb: ', [0xe2, 0x82]), 'f.yaml')).issues[0]).toMatchObject({
      file: 'f.yaml',
      line: 2,
      column: 4,
      message: "'utf-8' codec can't decode byte #xe2: unexpected end of data",
    });
    expect(failure(() => parseBytes(bytes('a: ', [0xed, 0xa0, 0x80]))).message).toContain('invalid continuation byte');
    expect(failure(() => parseBytes(bytes('a: ', [0xc0, 0xaf]))).message).toContain('invalid start byte');
  });

  it('reads valid UTF-8 bytes, with or without a BOM', () => {
    expect(parseBytes(bytes([0xef, 0xbb, 0xbf], 'a: é€😀')).value).toEqual({ a: 'é€😀' });
  });
});
