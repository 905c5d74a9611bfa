import * as v from 'valibot';
import { PolyaxonSchemaError } from '../errors';
import { keyAsWritten, laxBool, model, opt, strictStr, piped } from './common';
import { parseIOValue } from './io-value';
import { pyStr } from './py-format';
import { ValidationSchema, type V1Validation } from './validation';

/** IO names reserved by the context. */
export const IO_NAME_BLACK_LIST = ['globals', 'params', 'connections'] as const;

const IO_NAME_ERROR = `Received an input/output with a name in ['globals', 'params', 'connections'], please use a different name that does not already taken by the context`;

const IOObjectSchema = model({
  name: strictStr,
  description: opt(strictStr),
  type: opt(strictStr),
  isOptional: opt(laxBool),
  isList: opt(laxBool),
  isFlag: opt(laxBool),
  argFormat: opt(strictStr),
  connection: opt(strictStr),
  toInit: opt(laxBool),
  toEnv: opt(strictStr),
  value: v.optional(v.unknown()),
  validation: opt(ValidationSchema),
  delayValidation: opt(laxBool),
  // upstream moves the snake_case spelling (only) into `validation.delay`
  delay_validation: opt(laxBool),
  options: v.optional(v.unknown()),
}, { delay_validation: '' });

type IOObject = v.InferOutput<typeof IOObjectSchema>;

/**
 * An input/output/context definition (V1IO), with upstream's normalisation:
 * a default `value` makes the IO optional, `options` and `delay_validation`
 * move into `validation`, and a typed default value is type-checked.
 */
export const IOSchema = piped(
  IOObjectSchema,
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const io: IOObject = { ...dataset.value };
    const at = (key: string): [v.IssuePathItem] => [
      { type: 'object', origin: 'value', input: dataset.value, key: keyAsWritten(dataset.value, key), value: (dataset.value as Record<string, unknown>)[key] },
    ];
    let ok = true;
    if ((IO_NAME_BLACK_LIST as readonly string[]).includes(io.name)) {
      addIssue({ message: IO_NAME_ERROR, path: at('name') });
      ok = false;
    }
    const hasValue = 'value' in io;
    const defaultError = `IO \`${io.name}\` is not optional and has default value \`${pyStr(io.value)}\`. Please either make it optional or remove the default value.`;
    if (hasValue) {
      if (!('isOptional' in io)) io.isOptional = true;
      else if (io.isOptional === false) {
        addIssue({ message: defaultError, path: at('value') });
        ok = false;
      }
    }
    const options = io.options;
    const delay = io.delay_validation;
    let validation: V1Validation | null | undefined = io.validation;
    if (!validation && ((options !== undefined && options !== null) || (delay !== undefined && delay !== null))) validation = {};
    if (validation && options !== undefined && options !== null) validation = { ...validation, options };
    if (validation && delay !== undefined && delay !== null) validation = { ...validation, delay };
    delete io.options;
    delete io.delay_validation;
    if (validation) io.validation = validation;
    if (ok && io.type && io.value !== undefined && io.value !== null) {
      try {
        parseIOValue(
          { name: io.name, type: io.type, isList: io.isList, isOptional: io.isOptional, validation: validation ?? null },
          io.value,
          { stage: 'read' },
        );
      } catch (error) {
        if (!PolyaxonSchemaError.isInstance(error)) throw error;
        addIssue({ message: error.message, path: at('value') });
        ok = false;
      }
    }
    if (ok && !io.isOptional && io.value !== undefined && io.value !== null) {
      addIssue({ message: defaultError, path: at('value') });
      ok = false;
    }
    if (io.isFlag && io.type !== 'bool') {
      addIssue({ message: `IO type \`${io.type ?? 'None'}\` cannot be a flag, it must be of type \`bool\``, path: at('isFlag') });
      ok = false;
    }
    return ok ? (io) : NEVER;
  }),
);

/** A validated IO definition. */
export type V1IO = v.InferOutput<typeof IOSchema>;

/** A list of IO definitions. */
export const IOListSchema = v.array(IOSchema, 'Expected a list of inputs/outputs.');
