// Hyper-parameter kinds of `matrix.params.<name>`: each is `{kind, value}`;
// range-like values are accepted as a list, a `a:b:c` string or an object and
// normalised to the object form (`{start, stop, num}`...).
import * as v from 'valibot';
import { describeValue } from '../describe-value';
import { isPlainObject, isRef, modelParts, tagged, toIsoDatetime, toLaxFloat, toLaxInt, toSeconds, dict } from './common';

type Coerce = (input: unknown) => unknown;
const BAD: unique symbol = Symbol('bad');

const asFloat: Coerce = (x) => toLaxFloat(x) ?? BAD;
const asNumber: Coerce = (x) => toLaxFloat(x) ?? BAD;
const asInt: Coerce = (x) => toLaxInt(x) ?? BAD;
const asDate: Coerce = (x) => {
  const iso = toIsoDatetime(x);
  return iso === undefined ? BAD : iso.slice(0, 10);
};
const asDatetime: Coerce = (x) => toIsoDatetime(x) ?? BAD;
const asSeconds: Coerce = (x) => toSeconds(x) ?? BAD;

interface RangeSpec {
  readonly name: string;
  readonly required: readonly (readonly [string, Coerce])[];
  readonly optional?: readonly (readonly [string, Coerce])[];
  readonly checkOrder: boolean;
  /** Whether the `a:b:c` string form is accepted. */
  readonly str: boolean;
}

/** A normalised range-like hyper-parameter value. */
export type RangeValue = Record<string, number | string | null>;

function rangeValue(spec: RangeSpec): v.GenericSchema<unknown, RangeValue | string> {
  const fields = [...spec.required, ...(spec.optional ?? [])];
  const names = fields.map(([k]) => k);
  const nReq = spec.required.length;
  const expects = nReq === fields.length ? `${nReq}` : `${nReq} or ${fields.length}`;
  return v.pipe(
    v.unknown(),
    v.metadata({
      anyOf: [
        { type: 'array', minItems: nReq, maxItems: fields.length },
        { type: 'string' },
        { type: 'object', properties: Object.fromEntries(names.map((k) => [k, {}])), required: names.slice(0, nReq), additionalProperties: false },
      ],
    }),
    v.rawTransform<unknown, RangeValue | string>(({ dataset, addIssue, NEVER }) => {
      const input = dataset.value;
      if (isRef(input)) return input;
      const fail = (message: string): never => {
        addIssue({ message, received: describeValue(input) });
        return NEVER;
      };
      let raw: Record<string, unknown>;
      if (Array.isArray(input)) {
        if (input.length === 0) return fail(`\`${spec.name}\` requires \`${nReq}\` or \`${fields.length}\` elements, received \`0\``);
        if (input.length < nReq) return fail(`This field expects a list of ${expects} elements, received ${input.length}.`);
        raw = {};
        input.slice(0, fields.length).forEach((x: unknown, i) => (raw[names[i]!] = x));
      } else if (typeof input === 'string') {
        if (!spec.str || !input.includes(':')) {
          return fail(spec.str ? 'This field expects a string of values separated by `:`.' : `Expected a list or an object for \`${spec.name}\`.`);
        }
        const parts = input.split(':');
        if (parts.length < nReq) return fail(`This field expects a list of ${expects} elements, received ${parts.length}.`);
        raw = {};
        parts.slice(0, fields.length).forEach((x, i) => (raw[names[i]!] = x));
      } else if (isPlainObject(input)) {
        const extra = Object.keys(input).filter((k) => !names.includes(k));
        if (extra.length > 0) return fail(`Unexpected key${extra.length > 1 ? 's' : ''} ${extra.map((k) => `\`${k}\``).join(', ')} in \`${spec.name}\`: expected ${names.map((k) => `\`${k}\``).join(', ')}.`);
        raw = input;
      } else {
        return fail(`Expected a list, a \`:\` separated string or an object for \`${spec.name}\`, received ${describeValue(input)}.`);
      }
      const out: RangeValue = {};
      for (const [i, [key, coerce]] of fields.entries()) {
        const x = raw[key];
        if (x === undefined || x === null) {
          if (i < nReq) return fail(`\`${spec.name}\` requires the field \`${key}\`.`);
          continue;
        }
        const c = coerce(x);
        if (c === BAD) return fail(`Invalid \`${key}\` value ${describeValue(x)} for \`${spec.name}\`.`);
        out[key] = c as number | string;
      }
      const [k0, k1, k2] = names;
      const a = out[k0!];
      const b = out[k1!];
      if (spec.checkOrder && a !== undefined && b !== undefined && a !== null && b !== null && a >= b) {
        return fail(`${k1!} value must be strictly higher that ${k0!} value, received instead ${k0!}: ${String(a)}, ${k1!}: ${String(b)}`);
      }
      if (nReq === 3 && !out[k2!]) return fail(`${k2!} must be > 0, received ${String(out[k2!])}`);
      return out;
    }),
  );
}

const RANGE = rangeValue({ name: 'Range', required: [['start', asFloat], ['stop', asFloat], ['step', asNumber]], checkOrder: true, str: true });
const DATE_RANGE = rangeValue({ name: 'DateRange', required: [['start', asDate], ['stop', asDate], ['step', asInt]], checkOrder: true, str: false });
const DATETIME_RANGE = rangeValue({ name: 'DateTimeRange', required: [['start', asDatetime], ['stop', asDatetime], ['step', asSeconds]], checkOrder: true, str: false });
const SPACE = (name: string, withBase = false): v.GenericSchema<unknown, RangeValue | string> =>
  rangeValue({ name, required: [['start', asFloat], ['stop', asFloat], ['num', asInt]], optional: withBase ? [['base', asInt]] : [], checkOrder: true, str: true });
const DIST = (name: string, q: boolean, keys: readonly [string, string]): v.GenericSchema<unknown, RangeValue | string> =>
  rangeValue({
    name,
    required: q ? [[keys[0], asFloat], [keys[1], asFloat], ['q', asNumber]] : [[keys[0], asFloat], [keys[1], asFloat]],
    optional: [['size', asInt]],
    checkOrder: false,
    str: true,
  });

const PCHOICE = v.pipe(
  v.unknown(),
  v.metadata({ anyOf: [{ type: 'array', items: { type: 'array', minItems: 2, maxItems: 2 } }, { type: 'string' }] }),
  v.rawTransform<unknown, unknown[] | string>(({ dataset, addIssue, NEVER }) => {
    const input = dataset.value;
    if (isRef(input)) return input;
    if (!Array.isArray(input)) {
      addIssue({ message: 'This field expects a list of [value<Any>, dist<float>].', received: describeValue(input) });
      return NEVER;
    }
    let sum = 0;
    for (const item of input) {
      if (!Array.isArray(item) || item.length !== 2 || typeof item[1] !== 'number' || item[1] < 0 || item[1] >= 1) {
        addIssue({ message: 'This field expects a list of [value<Any>, dist<float>].', received: describeValue(item) });
        return NEVER;
      }
      sum += item[1];
    }
    if (sum > 1 + 1e-12) {
      addIssue({ message: 'The distribution of different outcomes should sum to 1.' });
      return NEVER;
    }
    return input as unknown[];
  }),
) as unknown as v.GenericSchema<unknown, unknown[] | string>;

const CHOICE = v.pipe(
  v.unknown(),
  v.metadata({ type: ['array', 'string', 'null'] }),
  v.rawTransform<unknown, unknown[] | string | null>(({ dataset, addIssue, NEVER }) => {
    const input = dataset.value;
    if (input === null || Array.isArray(input) || isRef(input)) return input as unknown[] | string | null;
    addIssue({ message: `Expected a list of values or a \`{{ }}\` reference, received ${describeValue(input)}.` });
    return NEVER;
  }),
) as unknown as v.GenericSchema<unknown, unknown[] | string | null>;

const hp = <const K extends string, S extends v.GenericSchema>(kind: K, value: S) =>
  modelParts({ kind: v.literal(kind), value: v.nullish(value) });

/** Hyper-parameter kinds that are distributions (rejected by grid search). */
export const DISTRIBUTION_KINDS: ReadonlySet<string> = new Set([
  'pchoice', 'uniform', 'quniform', 'loguniform', 'qloguniform', 'normal', 'qnormal', 'lognormal', 'qlognormal',
]);

/** Every hyper-parameter kind. */
export const HP_KINDS = [
  'choice', 'pchoice', 'range', 'daterange', 'datetimerange', 'linspace', 'logspace', 'geomspace', 'uniform',
  'quniform', 'loguniform', 'qloguniform', 'normal', 'qnormal', 'lognormal', 'qlognormal',
] as const;

/** One hyper-parameter definition (`V1HpParam`), tagged on `kind`. */
export const HpParamSchema = tagged(
  [
    modelParts({ kind: v.literal('choice'), value: CHOICE }),
    hp('pchoice', PCHOICE),
    hp('range', RANGE),
    hp('daterange', DATE_RANGE),
    hp('datetimerange', DATETIME_RANGE),
    hp('linspace', SPACE('LinSpace')),
    hp('logspace', SPACE('LogSpace', true)),
    hp('geomspace', SPACE('GeomSpace')),
    hp('uniform', DIST('Uniform', false, ['low', 'high'])),
    hp('quniform', DIST('QUniform', true, ['low', 'high'])),
    hp('loguniform', DIST('LogUniform', false, ['low', 'high'])),
    hp('qloguniform', DIST('QLogUniform', true, ['low', 'high'])),
    hp('normal', DIST('Normal', false, ['loc', 'scale'])),
    hp('qnormal', DIST('QNormal', true, ['loc', 'scale'])),
    hp('lognormal', DIST('LogNormal', false, ['loc', 'scale'])),
    hp('qlognormal', DIST('QLogNormal', true, ['loc', 'scale'])),
  ],
  `Hyper-parameter \`kind\` must be one of ${HP_KINDS.map((k) => `"${k}"`).join(', ')}.`,
);

/** A validated hyper-parameter definition. */
export type V1HpParam = v.InferOutput<typeof HpParamSchema>;

/** `matrix.params`: a map of name → hyper-parameter. */
export const HpParamsMapSchema = dict(HpParamSchema, 'Matrix params must be a mapping of name to hyper-parameter.');
