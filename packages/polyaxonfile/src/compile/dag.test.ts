import { describe, expect, it } from 'vitest';
import { PolyaxonSchemaError } from '../errors';
import { validateDag } from './dag';

const job = { name: 'c', run: { kind: 'job' } };

describe('validateDag', () => {
  it('groups ops into topological levels from dependencies, ops refs and events', () => {
    const levels = validateDag({
      components: [job],
      operations: [
        { name: 'a', dagRef: 'c' },
        { name: 'b', dagRef: 'c', dependencies: ['a'] },
        { name: 'd', dagRef: 'c', params: { x: { ref: 'ops.b', value: 'outputs.y' } } },
        { name: 'e', dagRef: 'c', events: [{ ref: 'ops.a', kinds: ['run_status_done'] }] },
      ],
    });
    expect(levels.map((l) => [...l].sort())).toEqual([['a'], ['b', 'e'], ['d']]);
  });

  it('rejects empty DAGs, unknown components, orphans and cycles with stage compile', () => {
    const cases = [
      { operations: [] },
      { components: [], operations: [{ name: 'a', dagRef: 'missing' }] },
      { components: [job], operations: [{ name: 'a', dagRef: 'c', dependencies: ['zz'] }] },
      { components: [job], operations: [{ name: 'a', dagRef: 'c', dependencies: ['b'] }, { name: 'b', dagRef: 'c', dependencies: ['a'] }] },
      { components: [job, job], operations: [{ name: 'a', dagRef: 'c' }] },
    ];
    const messages = cases.map((run) => {
      try {
        validateDag(run);
        return 'accepted';
      } catch (error) {
        expect(error).toBeInstanceOf(PolyaxonSchemaError);
        expect((error as PolyaxonSchemaError).stage).toBe('compile');
        return (error as Error).message;
      }
    });
    expect(messages[0]).toMatch(/no ops/);
    expect(messages[1]).toMatch(/requires a component with name `missing`/);
    expect(messages[2]).toMatch(/orphan ops: `\{'zz'\}`/);
    expect(messages[3]).toMatch(/not acyclic/);
    expect(messages[4]).toMatch(/multiple components with the same name `c`/);
  });

  // Before: each level rescanned every pending op (10k ops took seconds; the test timed out).
  it('levels a 20,000-op chain and names only the ops a cycle holds up', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({ name: `op${i}`, dagRef: 'c', ...(i > 0 ? { dependencies: [`op${i - 1}`] } : {}) }));
    const levels = validateDag({ components: [job], operations: chain });
    expect(levels).toHaveLength(20_000);
    expect(levels[19_999]).toEqual(['op19999']);
    const cyclic = [{ name: 'x', dagRef: 'c', dependencies: ['y'] }, { name: 'y', dagRef: 'c', dependencies: ['x'] }, ...chain];
    expect(() => validateDag({ components: [job], operations: cyclic })).toThrow(/not acyclic/);
    try {
      validateDag({ components: [job], operations: cyclic });
    } catch (error) {
      expect((error as PolyaxonSchemaError).issues[0]?.received).toBe('a cycle among x, y');
    }
  });
});
