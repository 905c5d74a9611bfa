import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireShared, startApiServer } from '../src/index';
import { learnUuids, mapper, multipart, send, shapeDiff } from './replay-helpers';

interface Sample {
  name: string;
  request: { method: string; path: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

const HEADERS = ['Content-Type', 'Content-Encoding', 'Allow', 'Content-Disposition'];

function requestBody(sample: Sample): { headers: Record<string, string>; body?: Buffer } {
  const headers = { ...sample.request.headers };
  const body = sample.request.body;
  if (body === null || body === undefined) return { headers };
  const contentType = headers['Content-Type'] ?? '';
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
    const form = (typeof body === 'object' ? (body as Record<string, unknown>)['multipart/form-data'] : undefined) as
      | { json: string; upload_file: { filename: string; content: string } }
      | undefined;
    const parts = form
      ? [
          { name: 'upload_file', filename: form.upload_file.filename, contentType: 'text/plain', content: form.upload_file.content },
          { name: 'json', content: form.json },
        ]
      : [{ name: 'upload_file', filename: 'x.txt', contentType: 'text/plain', content: 'x' }];
    return { headers, body: multipart(boundary, parts) };
  }
  return { headers, body: Buffer.from(JSON.stringify(body)) };
}

describe.runIf(requireShared('api-samples replay'))('the test server replays api-samples like the real server', () => {
  it('answers every recorded request with the recorded status, headers and body shape', async () => {
    const dir = corpusPath('api-samples');
    const samples = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Sample);
    const server = await startApiServer();
    expect(server.validating).toBe(true);
    try {
      // The recorded server already held other projects: seed them, oldest first.
      const created = samples.find((s) => s.name === 'create_project')!.request.body as { name: string };
      const listed = samples.find((s) => s.name === 'list_projects')!.response.body as { results: { name: string; description: string | null; tags: string[] | null }[] };
      for (const p of [...listed.results].reverse()) {
        if (p.name !== created.name) server.state.addProject({ name: p.name, description: p.description, tags: p.tags });
      }
      const uuids = new Map<string, string>();
      const failures: string[] = [];
      for (const sample of samples) {
        const map = mapper(uuids, [['http://127.0.0.1:8765', server.url]]);
        const { headers, body } = requestBody(sample);
        const res = await send(server, sample.request.method, map(sample.request.path), headers, body);
        const problems: string[] = [];
        if (res.status !== sample.response.status) problems.push(`status ${res.status}, expected ${sample.response.status}`);
        for (const name of HEADERS) {
          const expected = sample.response.headers[name];
          const actual = res.headers[name.toLowerCase()];
          if (expected !== actual) problems.push(`header ${name}: ${String(actual)}, expected ${String(expected)}`);
        }
        const expectedBody = sample.response.body;
        if (expectedBody === null) {
          if (res.text !== '') problems.push(`body should be empty, got ${res.text.slice(0, 100)}`);
        } else if (typeof expectedBody === 'string') {
          if (res.text !== expectedBody) problems.push(`body ${JSON.stringify(res.text)}, expected ${JSON.stringify(expectedBody)}`);
        } else {
          learnUuids(expectedBody, res.json, uuids);
          problems.push(...shapeDiff(expectedBody, res.json, mapper(uuids, [['http://127.0.0.1:8765', server.url]])));
        }
        if (problems.length > 0) failures.push(`${sample.name}:\n  ${problems.join('\n  ')}`);
      }
      expect(failures).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
