import { describe, expect, it } from 'vitest';
import { newRunUuid } from './run-uuid';

describe('newRunUuid', () => {
  it('makes distinct version 4 uuids as 32 hex characters (upstream uuid4().hex)', () => {
    const uuids = Array.from({ length: 200 }, () => newRunUuid());
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    expect(new Set(uuids).size).toBe(uuids.length);
  });
});
