import { describe, expect, it } from 'vitest';
import type { OptionSpec } from './command-spec';
import { UsageError } from './errors';
import { parseOptions } from './parse-options';

const specs: OptionSpec[] = [
  { long: 'file', short: 'f', value: 'path', repeatable: true, description: '' },
  { long: 'param', aliases: ['params'], short: 'P', value: 'kv', repeatable: true, description: '' },
  { long: 'python-module', multiShort: ['-pm'], value: 'm', description: '' },
  { long: 'uid', aliases: ['uuid'], multiShort: ['-uid', '-id'], value: 'uuid', description: '' },
  { long: 'yes', short: 'y', description: '' },
  { long: 'lint', short: 'l', description: '' },
  { long: 'no-follow', multiShort: ['-nf'], description: '' },
  { long: 'output', short: 'o', value: 'fmt', description: '', choices: ['json', 'yaml'] },
];

describe('parseOptions', () => {
  it('collects repeatable options and keeps values as strings', () => {
    const { options, args } = parseOptions(['-f', 'a.yaml', '--file=b.yaml', '-P', 'lr=0.1', '--params', 'x=1e5', 'pos'], specs);
    expect(options.file).toEqual(['a.yaml', 'b.yaml']);
    expect(options.param).toEqual(['lr=0.1', 'x=1e5']);
    expect(args).toEqual(['pos']);
  });

  it('never turns a uuid into a number', () => {
    expect(parseOptions(['--uid', '1234e5'], specs).options.uid).toBe('1234e5');
    expect(parseOptions(['-uid', '0123'], specs).options.uid).toBe('0123');
    expect(parseOptions(['-id=77'], specs).options.uid).toBe('77');
    expect(parseOptions(['--uuid', 'abc'], specs).options.uid).toBe('abc');
  });

  it('understands multi-letter short forms and grouped flags', () => {
    const { options } = parseOptions(['-pm', 'mod', '-yl', '-nf', '-fjob.yaml'], specs);
    expect(options).toMatchObject({ pythonModule: 'mod', yes: true, lint: true, noFollow: true, file: ['job.yaml'] });
  });

  it('accepts values starting with a dash and stops at --', () => {
    const { options, args } = parseOptions(['-P', '-1', '--', '-y', '--file'], specs);
    expect(options.param).toEqual(['-1']);
    expect(options.yes).toBeUndefined();
    expect(args).toEqual(['-y', '--file']);
  });

  it('rejects unknown options, missing values, values on flags and bad choices', () => {
    expect(() => parseOptions(['--nope'], specs)).toThrow(UsageError);
    expect(() => parseOptions(['-z'], specs)).toThrow('No such option: -z');
    expect(() => parseOptions(['-f'], specs)).toThrow("Option '-f' requires an argument.");
    expect(() => parseOptions(['--yes=1'], specs)).toThrow('does not take a value');
    expect(() => parseOptions(['-o', 'xml'], specs)).toThrow("'xml' is not one of 'json', 'yaml'");
  });
});
