import { describe, expect, it } from 'vitest';
import { BufferedResponse } from './buffered-response';

const init = { status: 201, statusText: 'Created', headers: { 'content-type': 'application/json', 'x-a': '1' } };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The same answer as a BufferedResponse and as a stream-backed Response, to compare them. */
function both(bytes: Uint8Array): [Response, Response] {
  return [new BufferedResponse(bytes, init, 'http://h/x'), new Response(bytes.slice(), init)];
}

describe('BufferedResponse', () => {
  it('is a Response with the status, headers and url it was given', () => {
    const response = new BufferedResponse(utf8('{}'), init, 'http://h/x');
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok, response.url]).toEqual([201, 'Created', true, 'http://h/x']);
    expect(response.headers.get('x-a')).toBe('1');
    expect(new BufferedResponse(utf8(''), { status: 404 }, '').ok).toBe(false);
  });

  it('reads text, json, arrayBuffer and bytes like a stream-backed Response', async () => {
    const body = '{"a":[1,2.5,"é"],"b":null}';
    for (const read of ['text', 'json', 'arrayBuffer', 'blob'] as const) {
      const [mine, native] = both(utf8(body));
      const [a, b] = await Promise.all([mine[read](), native[read]()]);
      if (read === 'blob') expect(await (a as Blob).text()).toBe(await (b as Blob).text());
      else expect(a).toEqual(b);
      expect(mine.bodyUsed).toBe(true);
    }
    expect(await new BufferedResponse(utf8('xy'), init, '').bytes()).toEqual(utf8('xy'));
  });

  it('decodes like a Response: a leading BOM is dropped, invalid UTF-8 becomes U+FFFD', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xff, 0x62]);
    const [mine, native] = both(bytes);
    expect(await mine.text()).toBe(await native.text());
    expect(await new BufferedResponse(bytes, init, '').text()).toBe('a\uFFFDb');
  });

  it('fails with a TypeError when read twice, or cloned once read', async () => {
    const response = new BufferedResponse(utf8('{}'), init, '');
    await response.text();
    await expect(response.json()).rejects.toThrow(TypeError);
    await expect(response.arrayBuffer()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
  });

  it('rejects a body that is not JSON with a SyntaxError, like a Response', async () => {
    const [mine, native] = both(utf8('<html>'));
    await expect(native.json()).rejects.toThrow(SyntaxError);
    await expect(mine.json()).rejects.toThrow(SyntaxError);
  });

  it('clones into an independent unread copy with its own headers', async () => {
    const response = new BufferedResponse(utf8('abc'), init, 'http://h/x');
    const copy = response.clone();
    copy.headers.set('x-a', '2');
    expect(await copy.text()).toBe('abc');
    expect(response.bodyUsed).toBe(false);
    expect(response.headers.get('x-a')).toBe('1');
    expect(await response.text()).toBe('abc');
  });

  it('gives a body stream on demand, and reads after it through that stream', async () => {
    const response = new BufferedResponse(utf8('streamed'), init, '');
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('streamed');
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it('keeps a read body read when the stream is asked for afterwards', async () => {
    const response = new BufferedResponse(utf8('once'), init, '');
    expect(await response.text()).toBe('once');
    expect(response.body).not.toBeNull();
    await expect(response.text()).rejects.toThrow(TypeError);
  });
});
