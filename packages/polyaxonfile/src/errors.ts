// CONTRACT shared by the schema modules and the reader pipeline: fields may be
// added, but names and shapes below must not change.
import { PolyaxonException } from '@px/errors';

/** The stage at which a Polyaxonfile was rejected. */
export type SpecStage = 'yaml' | 'read' | 'compile' | 'params';

/** Where a problem is, as precisely as known. */
export interface SpecLocation {
  /** File path or URL, when the document came from one. */
  readonly file?: string;
  /** 1-based line in the YAML/JSON source. */
  readonly line?: number;
  /** 1-based column in the YAML/JSON source. */
  readonly column?: number;
}

/** One problem found in a document. */
export interface SpecIssue extends SpecLocation {
  /** Field path from the document root, e.g. `['run', 'container', 'image']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in one sentence. */
  readonly message: string;
  /** What was expected, e.g. `string` or `one of "grid", "random"`. */
  readonly expected?: string;
  /** What was found, e.g. `number (12)`. */
  readonly received?: string;
}

/** Options of the spec error constructors. */
export interface SpecErrorOptions {
  readonly stage: SpecStage;
  readonly issues?: readonly SpecIssue[];
  readonly cause?: unknown;
}

function firstLocation(issues: readonly SpecIssue[]): SpecIssue | undefined {
  return issues[0];
}

/**
 * A Polyaxonfile could not be read: bad YAML or JSON, an unreadable file or
 * URL, a missing or unsupported `version`/`kind`, or a failed check.
 * Mirrors upstream's `PolyaxonfileError`.
 */
export class PolyaxonfileError extends PolyaxonException {
  static override readonly marker: string = 'px.polyaxonfile.PolyaxonfileError';
  /** The stage that rejected the document. */
  readonly stage: SpecStage;
  /** Every problem found (at least one). */
  readonly issues: readonly SpecIssue[];
  /** File of the first issue. */
  readonly file?: string;
  /** Line of the first issue (1-based). */
  readonly line?: number;
  /** Column of the first issue (1-based). */
  readonly column?: number;
  /** Field path of the first issue. */
  readonly path?: readonly (string | number)[];

  constructor(message: string, options: SpecErrorOptions) {
    super(message, { cause: options.cause });
    this.stage = options.stage;
    this.issues = options.issues ?? [{ path: [], message }];
    const first = firstLocation(this.issues);
    if (first?.file !== undefined) this.file = first.file;
    if (first?.line !== undefined) this.line = first.line;
    if (first?.column !== undefined) this.column = first.column;
    if (first !== undefined) this.path = first.path;
  }

  /** A JSON view for machine output (`px check -o json`, editors): name, message, stage and issues. */
  toJSON(): { name: string; message: string; stage: SpecStage; issues: readonly SpecIssue[] } {
    return { name: this.name, message: this.message, stage: this.stage, issues: this.issues };
  }
}

/**
 * A document is well-formed but does not match the specification: unknown
 * fields, wrong types, invalid values, bad params or an invalid DAG.
 * Mirrors upstream's `PolyaxonSchemaError`.
 */
export class PolyaxonSchemaError extends PolyaxonfileError {
  static override readonly marker: string = 'px.polyaxonfile.PolyaxonSchemaError';
}
