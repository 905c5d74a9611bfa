import * as v from 'valibot';
import { pyStr } from './py-format';
import { isPlainObject, laxBool, model, opt, strictStr, dict, piped } from './common';

/** Keys whose presence marks a param object as the full form (upstream `V1_PARAM_KEYS`). */
export const PARAM_KEYS: ReadonlySet<string> = new Set([
  'value', 'ref', 'toInit', 'to_init', 'toEnv', 'to_env', 'contextOnly', 'context_only', 'connection',
]);

/**
 * Whether a param value is in short form (`lr: 0.1`) rather than full form (`lr: {value: 0.1}`).
 *
 * @param value - The raw param value.
 * @returns True for the short form.
 */
export function isShortFormParam(value: unknown): boolean {
  if (!isPlainObject(value)) return true;
  const keys = Object.keys(value);
  if (keys.length === 0) return false;
  return !keys.some((k) => PARAM_KEYS.has(k));
}

/**
 * Upstream `normalize_param_value`: wraps short-form values as `{ value }`.
 *
 * @param value - The raw param value.
 * @returns The full-form param object.
 */
export function normalizeParamValue(value: unknown): unknown {
  if (value === null || value === undefined) return { value: null };
  return isShortFormParam(value) ? { value } : value;
}

/** A full-form param (V1Param): `value`, `ref`, `contextOnly`, `connection`, `toInit`, `toEnv`. */
export const ParamSchema = piped(
  model({
    value: v.optional(v.unknown()),
    ref: opt(strictStr),
    contextOnly: opt(laxBool),
    connection: opt(strictStr),
    toInit: opt(laxBool),
    toEnv: opt(strictStr),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { ref, value } = dataset.value;
    if (ref !== undefined && ref !== null && ref !== '' && typeof value !== 'string') {
      addIssue({
        message: `Value must be of type string when a ref is provided, received \`${pyStr(value)}\` instead.`,
        path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'value', value }],
      });
    }
  }),
);

/** A validated param. */
export type V1Param = v.InferOutput<typeof ParamSchema>;

/** Operation `params`: a map of name → param, short forms normalised (`loss: X` → `{value: X}`). */
export const ParamsMapSchema = v.pipe(
  dict(v.unknown(), 'Params must be a mapping of name to param.'),
  v.transform((params) => {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(params)) out[k] = normalizeParamValue(val);
    return out;
  }),
  v.record(v.string(), ParamSchema),
);

/** Full-form-only params map (hooks, builds, tuners, joins): short forms are rejected. */
export const FullParamsMapSchema = dict(ParamSchema, 'Params must be a mapping of name to param.');

/** One param in either form, like upstream `V1Param.read` (`32` → `{value: 32}`). */
export const ParamInputSchema = v.pipe(v.unknown(), v.transform(normalizeParamValue), ParamSchema);
