import { describe, expect, it } from 'vitest';
import { upstreamPlaceholder } from './dag-dry-run';

describe('upstreamPlaceholder', () => {
  it.each([
    [{ ref: 'ops.produce', value: 'outputs.score' }, '<ops.produce.outputs.score>'],
    [{ value: '{{ ops.a.outputs.x }}/{{ ops.b.inputs.y }}' }, '<ops.a.outputs.x>/<ops.b.inputs.y>'],
    ['{{ops.a.outputs.x}}', '<ops.a.outputs.x>'],
    [{ value: 0.25 }, undefined],
    [{ value: '{{ globals.uuid }}' }, undefined],
    [{ ref: 'runs.abc', value: 'outputs.x' }, undefined],
  ])('%j -> %s', (param, expected) => {
    expect(upstreamPlaceholder(param)).toBe(expected);
  });
});
