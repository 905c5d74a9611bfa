import { pyStr } from '../schemas/py-format';
import { PolyaxonSchemaError } from '../errors';
import { isRecord } from '../read/plain-data';

const TEMPLATE = /\{\{(.*?)\}\}/gs;
const UNDEFINED = Symbol('undefined');

function renderError(expression: string, reason: string): never {
  const message = `Encountered a problem rendering the template, please make sure your variables are resolvable. Error: UndefinedError('${reason}')`;
  throw new PolyaxonSchemaError(message, { stage: 'compile', issues: [{ path: [], message, received: `{{ ${expression.trim()} }}` }] });
}

/** Evaluates a Jinja variable expression: `a.b`, `a['b']`, `a[c.d].e`. */
function evaluate(expression: string, context: Record<string, unknown>): unknown {
  let pos = 0;
  const text = expression.trim();
  const fail = (): never => renderError(text, `unsupported expression \`${text}\``);
  const ident = (): string => {
    const match = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(pos));
    if (match === null) return fail();
    pos += match[0].length;
    return match[0];
  };
  const access = (base: unknown, key: string): unknown => {
    if (base === UNDEFINED) return renderError(text, `'${key}' of an undefined value`);
    if (isRecord(base) && Object.hasOwn(base, key)) return base[key];
    if (Array.isArray(base) && /^\d+$/.test(key)) return base[Number(key)] ?? UNDEFINED;
    return UNDEFINED;
  };
  const chain = (): unknown => {
    const name = ident();
    let value: unknown = Object.hasOwn(context, name) ? context[name] : UNDEFINED;
    for (;;) {
      while (text[pos] === ' ') pos++;
      if (text[pos] === '.') {
        pos++;
        value = access(value, ident());
      } else if (text[pos] === '[') {
        pos++;
        while (text[pos] === ' ') pos++;
        let key: unknown;
        const quote = text[pos];
        if (quote === '"' || quote === "'") {
          const end = text.indexOf(quote, pos + 1);
          if (end < 0) fail();
          key = text.slice(pos + 1, end);
          pos = end + 1;
        } else if (/\d/.test(quote ?? '')) {
          const match = /^\d+/.exec(text.slice(pos))!;
          key = match[0];
          pos += match[0].length;
        } else key = chain();
        while (text[pos] === ' ') pos++;
        if (text[pos] !== ']') fail();
        pos++;
        if (key === UNDEFINED) renderError(text, 'undefined key');
        value = access(value, typeof key === 'string' || typeof key === 'number' ? String(key) : pyStr(key));
      } else return value;
    }
  };
  const value = chain();
  while (text[pos] === ' ') pos++;
  if (pos !== text.length) fail();
  return value;
}

/**
 * Renders the `{{ }}` expressions of a string with a context (a Jinja
 * subset: variables, attribute and item access). A top-level undefined
 * variable renders empty, as Jinja does; attributes of undefined values fail.
 *
 * @param text - the template
 * @param context - the variables
 * @returns the rendered string
 * @throws {@link PolyaxonSchemaError} when an expression cannot be resolved
 */
export function renderTemplate(text: string, context: Record<string, unknown>): string {
  return text.replace(TEMPLATE, (_match, expression: string) => {
    const value = evaluate(expression, context);
    return value === UNDEFINED || value === undefined ? '' : pyStr(value);
  });
}
