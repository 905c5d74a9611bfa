/**
 * A subset of Polyaxon's query language (PQL) for list endpoints.
 *
 * Supported, per condition (conditions are joined with `,`, meaning AND):
 * - `field:value` equality; `field:a|b` any of the values;
 * - `field:~value` negation (also `~a|b`);
 * - `field:>v`, `>=v`, `<v`, `<=v` and `field:a..b` (inclusive range) on numbers and dates;
 * - `field:%part%` contains, `part%` starts with, `%part` ends with (strings);
 * - `field:nil` matches null/missing values;
 * - list fields (`tags`) match when any element matches.
 * Sorting: `sort=a,-b` (a `-` prefix sorts descending; nulls last).
 */

import { parseIsoMicros } from './clock';
import { QueryLanguageError } from './errors';


/** How each queryable field is read from a record. */
export interface QueryFields<T> {
  /** Plain fields (`status`, `name`, ...). */
  fields: Record<string, (record: T) => unknown>;
  /** Dotted fields (`metrics.loss`, `inputs.lr`, ...) by prefix. */
  prefixed?: Record<string, (record: T, key: string) => unknown>;
  /** Fields holding dates (compared as instants). */
  dates?: readonly string[];
  /**
   * Upstream's query manager name (`run`): errors then read as upstream's
   * (`Error applying or resolving queryset, ...`) and answer a JSON list.
   */
  manager?: string;
  /** Prefixes whose comparisons need numbers (upstream: `metrics`). */
  scalarPrefixes?: readonly string[];
}

type Operation =
  | { op: 'eq'; values: string[] }
  | { op: 'cmp'; cmp: '>' | '>=' | '<' | '<='; value: string }
  | { op: 'range'; from: string; to: string }
  | { op: 'like'; pattern: string };

interface Condition {
  field: string;
  negate: boolean;
  operation: Operation;
}

function parseOperation(raw: string): Operation {
  const value = raw.trim();
  const cmp = /^(>=|<=|>|<)(.*)$/.exec(value);
  if (cmp) return { op: 'cmp', cmp: cmp[1] as '>' | '>=' | '<' | '<=', value: cmp[2]!.trim() };
  const range = /^(.+?)\.\.(.+)$/.exec(value);
  if (range) return { op: 'range', from: range[1]!.trim(), to: range[2]!.trim() };
  if (value.startsWith('%') || value.endsWith('%')) return { op: 'like', pattern: value };
  return { op: 'eq', values: value.split('|').map((v) => v.trim()) };
}

/** Parses a query string into conditions. */
function parseQuery(query: string): Condition[] {
  const conditions: Condition[] = [];
  for (const part of query.split(',')) {
    const text = part.trim();
    if (text === '') continue;
    const colon = text.indexOf(':');
    if (colon <= 0) throw new QueryLanguageError(`Query \`${text}\` is not of the form \`field:value\`.`);
    const field = text.slice(0, colon).trim();
    let value = text.slice(colon + 1).trim();
    const negate = value.startsWith('~');
    if (negate) value = value.slice(1);
    conditions.push({ field, negate, operation: parseOperation(value) });
  }
  return conditions;
}

/** A scalar as text (objects as JSON). */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

function toComparable(value: unknown, isDate: boolean): number | string | undefined {
  if (value === null || value === undefined) return undefined;
  if (isDate) return parseIsoMicros(text(value));
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const n = Number(value);
    return value.trim() !== '' && !Number.isNaN(n) ? n : value;
  }
  return JSON.stringify(value);
}

function literal(text: string, isDate: boolean): number | string | undefined {
  return toComparable(text, isDate);
}

function scalarMatches(value: unknown, operation: Operation, isDate: boolean): boolean {
  switch (operation.op) {
    case 'eq':
      return operation.values.some((expected) => {
        if (expected === 'nil' || expected === 'null') return value === null || value === undefined;
        if (value === null || value === undefined) return false;
        if (isDate && /^\d{4}-\d{2}-\d{2}$/.test(expected)) return text(value).startsWith(expected);
        if (typeof value === 'boolean') return String(value) === expected.toLowerCase();
        if (typeof value === 'number') return value === Number(expected);
        return text(value) === expected;
      });
    case 'like': {
      if (typeof value !== 'string') return false;
      const p = operation.pattern;
      const inner = p.replace(/^%/, '').replace(/%$/, '').toLowerCase();
      const v = value.toLowerCase();
      if (p.startsWith('%') && p.endsWith('%') && p.length > 1) return v.includes(inner);
      if (p.startsWith('%')) return v.endsWith(inner);
      return v.startsWith(inner);
    }
    case 'cmp': {
      const a = toComparable(value, isDate);
      const b = literal(operation.value, isDate);
      if (a === undefined || b === undefined || typeof a !== typeof b) return false;
      if (operation.cmp === '>') return a > b;
      if (operation.cmp === '>=') return a >= b;
      if (operation.cmp === '<') return a < b;
      return a <= b;
    }
    case 'range': {
      const a = toComparable(value, isDate);
      const from = literal(operation.from, isDate);
      const to = literal(operation.to, isDate);
      if (a === undefined || from === undefined || to === undefined) return false;
      if (typeof a !== typeof from || typeof a !== typeof to) return false;
      return a >= from && a <= to;
    }
  }
}

function readField<T>(record: T, field: string, spec: QueryFields<T>): unknown {
  const direct = spec.fields[field];
  if (direct) return direct(record);
  const dot = field.indexOf('.');
  if (dot > 0) {
    const prefixed = spec.prefixed?.[field.slice(0, dot)];
    if (prefixed) return prefixed(record, field.slice(dot + 1));
  }
  throw new QueryLanguageError(`Query field \`${field}\` is not supported.`);
}

/**
 * Compiles `query` into a predicate over records described by `spec`.
 * @throws {@link QueryLanguageError} for an unknown field or a malformed condition.
 */
export function compileQuery<T>(query: string | undefined, spec: QueryFields<T>): (record: T) => boolean {
  if (query === undefined || query.trim() === '') return () => true;
  const conditions = parseQuery(query);
  const upstream = (message: string): QueryLanguageError => new QueryLanguageError(`Error applying or resolving queryset, ${message}`, { asList: true });
  for (const condition of conditions) {
    const head = condition.field.split('.')[0]!;
    if (!(condition.field in spec.fields) && !(condition.field.includes('.') && spec.prefixed && head in spec.prefixed)) {
      if (spec.manager !== undefined) throw upstream(`key \`${condition.field}\` is not supported by the query manager \`${spec.manager}\`.`);
      throw new QueryLanguageError(`Query field \`${condition.field}\` is not supported.`);
    }
    const op = condition.operation;
    if (spec.manager !== undefined && condition.field.includes('.') && spec.scalarPrefixes?.includes(head)) {
      const bad = op.op === 'cmp' ? (Number.isNaN(Number(op.value)) || op.value === '' ? `${op.cmp}${op.value}` : undefined)
        : op.op === 'range' ? ([op.from, op.to].some((v) => v === '' || Number.isNaN(Number(v))) ? `${op.from}..${op.to}` : undefined)
          : undefined;
      if (bad !== undefined) throw upstream(`Scalar operation requires int or float params, received ${bad}.`);
    }
  }
  return (record) =>
    conditions.every((condition) => {
      const isDate = spec.dates?.includes(condition.field) ?? false;
      const value = readField(record, condition.field, spec);
      const matches = Array.isArray(value)
        ? condition.operation.op === 'eq' && condition.operation.values.some((v) => v === 'nil')
          ? value.length === 0
          : value.some((item) => scalarMatches(item, condition.operation, isDate))
        : scalarMatches(value, condition.operation, isDate);
      return condition.negate ? !matches : matches;
    });
}

/**
 * Sorts `records` (a copy) by a PQL sort string such as `-created_at,name`.
 * @throws {@link QueryLanguageError} for an unknown sort field.
 */
export function sortRecords<T>(records: readonly T[], sort: string | undefined, spec: QueryFields<T>, fallback: string): T[] {
  const keys = (sort && sort.trim() !== '' ? sort : fallback)
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map((key) => ({ desc: key.startsWith('-'), field: key.replace(/^[-+]/, '') }));
  for (const key of keys) readFieldCheck(key.field, spec);
  const copy = [...records];
  copy.sort((a, b) => {
    for (const key of keys) {
      const isDate = spec.dates?.includes(key.field) ?? false;
      const va = toComparable(readField(a, key.field, spec), isDate);
      const vb = toComparable(readField(b, key.field, spec), isDate);
      if (va === vb) continue;
      if (va === undefined) return 1;
      if (vb === undefined) return -1;
      const order = va < vb ? -1 : va > vb ? 1 : 0;
      if (order !== 0) return key.desc ? -order : order;
    }
    return 0;
  });
  return copy;
}

function readFieldCheck<T>(field: string, spec: QueryFields<T>): void {
  if (field in spec.fields) return;
  const dot = field.indexOf('.');
  if (dot > 0 && spec.prefixed && field.slice(0, dot) in spec.prefixed) return;
  throw new QueryLanguageError(`Sort field \`${field}\` is not supported.`);
}
