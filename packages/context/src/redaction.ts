import type { Resolved, ResolvedContext } from './resolved-context';

/** What a secret value is replaced with in any printable form. */
export const REDACTED = '<redacted>';

/** The keys of {@link ResolvedContext} whose values are secrets. */
export const SECRET_KEYS: readonly (keyof ResolvedContext)[] = ['token', 'internalToken'];

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

// `scheme://user:password@`: the password is everything between the user's colon and the `@`.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)[^\s/?#@]+@/gi;

/**
 * Replaces the password of every URL in `text` (`https://user:secret@host`) with `<redacted>`,
 * keeping the user and the host readable.
 *
 * @param text - Any text that may hold URLs.
 * @returns The text with URL passwords masked.
 * @example
 * ```ts
 * maskUrlPassword('https://ann:s3cret@polyaxon.example.com'); // 'https://ann:<redacted>@polyaxon.example.com'
 * ```
 */
export function maskUrlPassword(text: string): string {
  return text.replace(URL_PASSWORD, `$1${REDACTED}@`);
}

function redactResolved<T>(value: Resolved<T>): Resolved<T | string> {
  return value.value === undefined ? { ...value } : { ...value, value: REDACTED };
}

function maskResolvedUrl(value: unknown): unknown {
  const entry = value as Partial<Resolved<unknown>> | undefined;
  return typeof entry?.value === 'string' ? { ...entry, value: maskUrlPassword(entry.value) } : value;
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
    if (SECRET_KEYS.includes(key as keyof ResolvedContext)) out[key] = redactResolved(value as Resolved<unknown>);
    else out[key] = maskResolvedUrl(value);
  }
  return out;
}

function guard(target: object, redacted: () => unknown): void {
  Object.defineProperty(target, 'toJSON', { value: redacted, enumerable: false });
  Object.defineProperty(target, INSPECT, {
    // Node passes its `inspect` to custom inspectors: importing `node:util` would cost start-up time
    value: (_depth: number, options: object, inspect: (value: unknown, options: object) => string) => inspect(redacted(), options),
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
