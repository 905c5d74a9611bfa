import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import * as schemas from './index';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('builds on first use, once, and then reads as the built schema', () => {
    const build = vi.fn(() => v.strictObject({ name: v.string() }));
    const schema = lazySchema(build, 'Object');
    expect(build).not.toHaveBeenCalled();
    expect(schema.expects).toBe('Object');
    expect(build).not.toHaveBeenCalled();
    expect(v.safeParse(schema, { name: 'a' }).success).toBe(true);
    expect(v.safeParse(schema, { name: 1 }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
    expect('entries' in schema).toBe(true);
    expect(Object.keys(schema)).toContain('entries');
    expect({ ...schema }.type).toBe('strict_object');
  });

  it('is not built when another schema wraps it', () => {
    const build = vi.fn(() => v.string());
    const inner = lazySchema(build, 'string');
    const outer = v.union([v.nullish(inner), v.number()]);
    expect(build).not.toHaveBeenCalled();
    expect(v.safeParse(outer, 'x').success).toBe(true);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('announces the `expects` every exported schema has once built', () => {
    const all = schemas as unknown as Record<string, v.GenericSchema>;
    const names = Object.keys(all).filter((name) => name.endsWith('Schema'));
    expect(names.length).toBeGreaterThan(40);
    // read before anything is built, then compare with the built schemas
    const announced = names.map((name) => [name, all[name]!.expects] as const);
    for (const name of names) Reflect.ownKeys(all[name]!);
    for (const [name, expects] of announced) expect([name, expects]).toEqual([name, all[name]!.expects]);
  });
});
