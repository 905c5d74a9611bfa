const MARKERS = Symbol.for('px.error.markers');

/** Options accepted by every {@link PolyaxonException}. */
export interface PolyaxonExceptionOptions {
  /** The underlying error, kept as the standard `cause`. */
  cause?: unknown;
}

type Marked = { readonly [MARKERS]?: readonly string[] };

function markersOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const markers = (value as Marked)[MARKERS];
  return Array.isArray(markers) ? markers : undefined;
}

/**
 * The root of every error that a `@px` package throws on purpose.
 *
 * Each subclass declares a unique static `marker`. Instances carry the
 * markers of their whole class chain under a `Symbol.for` key, so both
 * `instanceof` and {@link PolyaxonException.isInstance} work across two
 * copies of a package (for example a CLI and a library that each bundle
 * their own copy).
 *
 * @example
 * ```ts
 * try { await run.refresh(); } catch (error) {
 *   if (PolyaxonException.isInstance(error)) console.error(error.message);
 * }
 * ```
 */
export class PolyaxonException extends Error {
  /** A globally unique name for this class; subclasses must override it. */
  static readonly marker: string = 'px.PolyaxonException';

  declare readonly [MARKERS]: readonly string[];

  constructor(message: string, options: PolyaxonExceptionOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const markers: string[] = [];
    for (let ctor: unknown = new.target; typeof ctor === 'function'; ctor = Object.getPrototypeOf(ctor)) {
      const marker = (ctor as { marker?: unknown }).marker;
      if (typeof marker === 'string' && !markers.includes(marker)) markers.push(marker);
      if (ctor === PolyaxonException) break;
    }
    Object.defineProperty(this, MARKERS, { value: Object.freeze(markers), enumerable: false });
    Object.defineProperty(this, 'name', { value: new.target.name, enumerable: false, configurable: true, writable: true });
  }

  /**
   * Whether `value` is an instance of this class (or a subclass), from any
   * copy of the package that defined it.
   */
  static isInstance<T extends abstract new (...args: never[]) => PolyaxonException>(
    this: T,
    value: unknown,
  ): value is InstanceType<T> {
    const marker = (this as unknown as { marker: string }).marker;
    return markersOf(value)?.includes(marker) ?? false;
  }

  /** Makes `instanceof` agree with {@link PolyaxonException.isInstance}. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const marker = (this as unknown as { marker: string }).marker;
    return markersOf(value)?.includes(marker) ?? false;
  }
}
