import { describe, expect, it } from 'vitest';
import { accept, reject } from './__fixtures__/schema-assert';
import { IOSchema } from './io';

describe('IO definitions', () => {
  it('a default value makes the IO optional', () => {
    expect(accept(IOSchema, { name: 'lr', type: 'float', value: 0.1 })).toEqual({ name: 'lr', type: 'float', value: 0.1, isOptional: true });
    expect(accept(IOSchema, { name: 'x', value: null })).toEqual({ name: 'x', value: null, isOptional: true });
  });

  it('rejects an explicit non-optional IO with a default', () => {
    expect(reject(IOSchema, { name: 'x', type: 'int', value: 1, isOptional: false }).join('\n')).toContain(
      'IO `x` is not optional and has default value `1`. Please either make it optional or remove the default value.',
    );
  });

  it('type-checks typed defaults, templates included, and keeps the raw value', () => {
    expect(accept(IOSchema, { name: 'n', type: 'int', value: '3' })).toMatchObject({ value: '3' });
    expect(reject(IOSchema, { name: 'n', type: 'int', value: '{{ x }}' }).join('\n')).toContain('Cannot convert value `{{ x }}` (key: `n`) to `int`');
    accept(IOSchema, { name: 's', type: 'str', value: '{{ x }}' });
    reject(IOSchema, { name: 'n', type: 'int', value: 1.5 });
  });

  it('moves options and snake delay_validation into validation; keeps camel delayValidation', () => {
    expect(accept(IOSchema, { name: 'a', type: 'str', options: ['x', 'y'], delay_validation: true })).toEqual({
      name: 'a',
      type: 'str',
      validation: { options: ['x', 'y'], delay: true },
    });
    expect(accept(IOSchema, { name: 'a', type: 'str', delayValidation: true })).toEqual({ name: 'a', type: 'str', delayValidation: true });
    expect(reject(IOSchema, { name: 'a', type: 'str', value: 'z', options: ['x', 'y'] }).join('\n')).toContain("must be one of the values `['x', 'y']`");
  });

  it('applies validation rules to defaults', () => {
    reject(IOSchema, { name: 'a', type: 'int', value: 1, validation: { gt: 2 } });
    accept(IOSchema, { name: 'a', type: 'int', value: 3, validation: { gt: 2, le: 3 } });
  });

  it('only bool IOs can be flags', () => {
    accept(IOSchema, { name: 'f', type: 'bool', isFlag: true });
    expect(reject(IOSchema, { name: 'f', type: 'int', is_flag: true }).join('\n')).toContain('is_flag: IO type `int` cannot be a flag, it must be of type `bool`');
  });

  it('rejects reserved names, missing names, iotype and unknown keys', () => {
    expect(reject(IOSchema, { name: 'globals' }).join('\n')).toContain('please use a different name');
    reject(IOSchema, { type: 'int' });
    reject(IOSchema, { name: 'a', iotype: 'int' });
    reject(IOSchema, { name: 'a', default: 1 });
    reject(IOSchema, { name: 1 });
  });

  it('accepts snake_case keys and camelCases them', () => {
    expect(accept(IOSchema, { name: 'a', type: 'str', is_optional: true, arg_format: '--a={{ a }}', to_env: 'A', to_init: false, is_list: false })).toEqual({
      name: 'a',
      type: 'str',
      isOptional: true,
      argFormat: '--a={{ a }}',
      toEnv: 'A',
      toInit: false,
      isList: false,
    });
  });
});
