import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from './multipart';

const boundary = '----px1234';
const body = Buffer.from(
  [
    `--${boundary}`,
    'Content-Disposition: form-data; name="upload_file"; filename="/abs/dir/hello.txt"',
    'Content-Type: text/plain',
    '',
    `line 1\r\n--${boundary.slice(0, 4)} not a boundary\r\nend`,
    `--${boundary}`,
    'Content-Disposition: form-data; name="json"',
    '',
    '{"untar":false,"path":"p","overwrite":true}',
    `--${boundary}--`,
    '',
  ].join('\r\n'),
);

function chunked(data: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) chunks.push(data.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('parseMultipart', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'px-multipart-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([1, 3, 7, 64, 4096])('parses fields and streams files whatever the chunk size (%i)', async (size) => {
    let n = 0;
    const result = await parseMultipart(chunked(body, size), boundary, () => join(dir, `f${n++}`));
    expect(result.fields).toEqual({ json: '{"untar":false,"path":"p","overwrite":true}' });
    expect(result.files).toHaveLength(1);
    const file = result.files[0]!;
    expect(file).toMatchObject({ field: 'upload_file', filename: '/abs/dir/hello.txt', contentType: 'text/plain' });
    const content = `line 1\r\n--${boundary.slice(0, 4)} not a boundary\r\nend`;
    expect(readFileSync(file.path, 'utf8')).toBe(content);
    expect(file.size).toBe(Buffer.byteLength(content));
  });

  it('rejects a body without its closing boundary', async () => {
    await expect(parseMultipart(Readable.from([body.subarray(0, 60)]), boundary, () => join(dir, 'x'))).rejects.toThrow('HTTP 400');
  });

  it('reads the boundary of a content type', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeUndefined();
  });
});
