import { describe, expect, it } from 'vitest';
import { lineagesToJson, runToJson } from './ordered-json';

describe('offline JSON', () => {
  it('writes run fields in schema order, drops nulls, orders conditions', () => {
    const text = runToJson({
      status: 'running',
      uuid: 'u',
      extra_field: 1,
      name: null,
      status_conditions: [{ message: 'm', type: 'running', status: true, reason: null }],
      kind: 'job',
    });
    expect(text).toBe('{"uuid":"u","status":"running","kind":"job","status_conditions":[{"type":"running","status":true,"message":"m"}],"extra_field":1}');
  });

  it('writes lineage records in schema order', () => {
    expect(lineagesToJson([{ is_input: false, path: 'p', name: 'n', kind: 'file', summary: { hash: 'h' } }])).toBe(
      '[{"name":"n","kind":"file","path":"p","summary":{"hash":"h"},"is_input":false}]',
    );
  });

  it('writes the fields upstream holds as floats with Python float text', () => {
    expect(runToJson({ uuid: 'u', wait_time: 0, duration: 1e-5, meta_info: { progress: 1, has_events: true } })).toBe(
      '{"uuid":"u","wait_time":0.0,"duration":1e-05,"meta_info":{"progress":1.0,"has_events":true}}',
    );
  });
});
