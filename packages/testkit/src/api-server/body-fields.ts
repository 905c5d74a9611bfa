import { isJsonObject, isStringArray, type Json, type JsonObject } from './json';
import { badRequest } from './reply';

/**
 * Reads fields of a JSON request body and collects DRF-style field errors;
 * `done()` throws a 400 `{"field": ["message"]}` when any field was bad.
 */
export class BodyReader {
  readonly body: JsonObject;
  private readonly errors: Record<string, string[]> = {};

  constructor(body: Json | undefined) {
    if (body === undefined) {
      this.body = {};
    } else if (isJsonObject(body)) {
      this.body = body;
    } else {
      throw badRequest({
        non_field_errors: [`Invalid data. Expected a dictionary, but got ${Array.isArray(body) ? 'list' : typeof body}.`],
      });
    }
  }

  /** Whether the body has `key` (even null). */
  has(key: string): boolean {
    return key in this.body;
  }

  private fail(key: string, message: string): undefined {
    this.errors[key] = [message];
    return undefined;
  }

  /** A string or null field; `undefined` when absent or bad. */
  string(key: string): string | null | undefined {
    const v = this.body[key];
    if (v === undefined || v === null || typeof v === 'string') return v;
    return this.fail(key, 'Not a valid string.');
  }

  /** A required non-blank string field. */
  requiredString(key: string): string | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return this.fail(key, 'This field is required.');
    if (typeof v !== 'string') return this.fail(key, 'Not a valid string.');
    if (v.trim() === '') return this.fail(key, 'This field may not be blank.');
    return v;
  }

  /** A boolean field. */
  bool(key: string): boolean | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'boolean') return v;
    if (v === 'true' || v === 'True') return true;
    if (v === 'false' || v === 'False') return false;
    return this.fail(key, 'Must be a valid boolean.');
  }

  /** A list-of-strings or null field. */
  stringList(key: string): string[] | null | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return v;
    if (isStringArray(v)) return v;
    if (Array.isArray(v)) return this.fail(key, 'Not a valid string.');
    return this.fail(key, `Expected a list of items but got type "${typeof v === 'string' ? 'str' : typeof v}".`);
  }

  /** A JSON-object or null field. */
  object(key: string): JsonObject | null | undefined {
    const v = this.body[key];
    if (v === undefined || v === null) return v;
    if (isJsonObject(v)) return v;
    return this.fail(key, 'Value must be valid JSON.');
  }

  /** A string field restricted to `choices`. */
  choice(key: string, choices: ReadonlySet<string>): string | null | undefined {
    const v = this.string(key);
    if (typeof v === 'string' && !choices.has(v)) return this.fail(key, `"${v}" is not a valid choice.`);
    return v;
  }

  /** Throws the collected field errors as a 400. */
  done(): void {
    if (Object.keys(this.errors).length > 0) throw badRequest(this.errors);
  }
}
