import { describe, expect, it } from 'vitest';
import { componentContentError } from './component-content';

describe('componentContentError', () => {
  it('accepts JSON and YAML components with a version', () => {
    expect(componentContentError('{"version": 1.1, "kind": "component"}')).toBeUndefined();
    expect(componentContentError('version: 1.1\nkind: component\nrun:\n  kind: job\n  container: {image: "a:b"}\n  cmd: ["echo", "x: y"]')).toBeUndefined();
  });

  it('requires a version (api-samples 87)', () => {
    expect(componentContentError('{"kind": "component"}')).toBe('The Polyaxonfile `version` must be specified.');
    expect(componentContentError('kind: component')).toBe('The Polyaxonfile `version` must be specified.');
  });

  it("reproduces PyYAML's nested mapping error with its mark and snippet (api-samples 88)", () => {
    expect(componentContentError('not: a: component')).toBe(
      'Received non valid yaml: `not: a: component`.\nYaml error mapping values are not allowed here\n  in "<unicode string>", line 1, column 7:\n    not: a: component\n          ^',
    );
    expect(componentContentError('version: 1.1\nrun:\n  kind: job: x')).toContain('line 3, column 12:\n      kind: job: x\n               ^');
  });
});
