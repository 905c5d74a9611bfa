import { inspect } from 'node:util';
import type { Resolved, ResolvedContext } from './resolved-context';

/** What a secret value is replaced with in any printable form. */
export const REDACTED = '<redacted>';

/** The keys of {@link ResolvedContext} whose values are secrets. */
export const SECRET_KEYS: readonly (keyof ResolvedContext)[] = ['token', 'internalToken'];

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function redactResolved<T>(value: Resolved<T>): Resolved<T | string> {
  return value.value === undefined ? { ...value } : { ...value, value: REDACTED };
}

/**
 * A plain copy of a resolved context with every secret replaced by
 * `<redacted>` (safe to log, print or serialize).
 *
 * @param ctx - The resolved context.
 * @returns The redacted copy.
 */
export function redactContext(ctx: ResolvedContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ctx)) {
    out[key] = SECRET_KEYS.includes(key as keyof ResolvedContext) ? redactResolved(value as Resolved<unknown>) : value;
  }
  return out;
}

function guard(target: object, redacted: () => unknown): void {
  Object.defineProperty(target, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(target, INSPECT, {
    value: (_depth: number, options: object) => inspect(redacted(), options),
    enumerable: false,
  });
}

/**
 * Makes a resolved context safe to print: `JSON.stringify` and
 * `util.inspect` / `console.log` of the context, or of its secret entries,
 * show `<redacted>` instead of the token. The values stay readable through
 * property access (`ctx.token.value`). The context is frozen.
 *
 * @param ctx - The context to protect (mutated: non-enumerable guards are added).
 * @returns The same context, frozen.
 */
export function makeSafe<T extends ResolvedContext>(ctx: T): T {
  for (const key of SECRET_KEYS) {
    const entry = ctx[key] as Resolved<unknown>;
    guard(entry, () => redactResolved(entry));
    Object.freeze(entry);
  }
  guard(ctx, () => redactContext(ctx));
  return Object.freeze(ctx);
}
