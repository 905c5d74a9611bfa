// `-o yaml` output must read back as the same data with PyYAML (YAML 1.1, what
// upstream uses) and with a YAML 1.2 reader (the `yaml` package).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatNumber, toYaml } from './yaml';

const TRICKY = [
  '=', '<<', 'yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', 'NULL', 'true', 'False', '', ' pad', 'pad ', 'a: b', 'a #b', '#c',
  '-', '- x', '?', ':', '[x]', '{x}', '!tag', '&a', '*a', '|', '>', '%x', '@x', '`x', "'q'", '"q"',
  '1.2.3', '.', '1.', '.5', '1_000', '0b101', '0x1F', '0o17', '017', '190:20:30', '12:30', '1e3', '1.0e-07', '+1', '-0',
  '.inf', '-.Inf', '.nan', '2024-01-02', '2024-01-02T10:00:00Z', '2024-1-2 10:00', 'plain text', '日本語', 'emoji 🚀', 'tab\there',
  'line\nbreak', 'x:y', 'http://host:8000/path', 'key=value', '<<x', 'a,b',
];
const NUMBERS = [0, 1, -1, 0.1, 1.5, -2.5e-10, 1e-7, 1e21, 123456789, 3.14159, 1e100, -1e-300, 5e-324, 2 ** 53];

function sample(): unknown {
  return {
    strings: TRICKY,
    numbers: NUMBERS,
    keys: Object.fromEntries(TRICKY.filter((t) => t !== '').map((t, i) => [t, i])),
    nested: [{ a: [1, [2, { b: null }]], c: {} }, [], [[]], { '': 'empty key' }],
    flags: [true, false, null],
  };
}

function pythonWithPyYaml(): string | undefined {
  return ['python3', '/usr/bin/python3'].find((python) => spawnSync(python, ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0);
}

describe('toYaml round trip', () => {
  const data = sample();
  const text = toYaml(data);

  it('reads back as the same data with a YAML 1.2 reader (yaml package)', () => {
    expect(parse(text, { version: '1.2' })).toEqual(data);
    expect(parse(text, { version: '1.1' })).toEqual(data);
  });

  const python = pythonWithPyYaml();
  if (python === undefined) console.warn('[px] skipping the PyYAML round trip of toYaml: python3 with PyYAML is not installed');
  it.runIf(python !== undefined)('reads back as the same data with PyYAML safe_load', () => {
    const script = 'import sys, json, yaml\nprint(json.dumps(yaml.safe_load(sys.stdin.read())))';
    const run = spawnSync(python!, ['-c', script], { input: text, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(data);
    // floats stay floats for PyYAML
    const types = spawnSync(python!, ['-c', 'import sys, yaml\nprint([type(v).__name__ for v in yaml.safe_load(sys.stdin.read())])'], {
      input: toYaml([1e-7, 1e21, 0.5, 2]),
      encoding: 'utf8',
    });
    expect(types.stdout.trim()).toBe("['float', 'float', 'float', 'int']");
  });

  it('writes exponents as PyYAML does', () => {
    expect(formatNumber(1e-7)).toBe('1.0e-07');
    expect(formatNumber(-2.5e-10)).toBe('-2.5e-10');
    expect(formatNumber(1e21)).toBe('1.0e+21');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(toYaml({ eq: '=', merge: '<<', version: '1.2.3' })).toBe('eq: "="\nmerge: "<<"\nversion: "1.2.3"\n');
  });
});
