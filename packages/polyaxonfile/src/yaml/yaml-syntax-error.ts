/** A place in the YAML source: 0-based line and column, and the character index. */
export interface Mark {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column. */
  readonly column: number;
}

/**
 * A problem found while reading YAML, with PyYAML's wording: an optional
 * context ("while scanning a simple key", and where that started) and the
 * problem itself, with where it is. Turned into a `PolyaxonfileError` by
 * `parseYaml`.
 */
export class YamlSyntaxError extends Error {
  /** Where the problem is. */
  readonly mark: Mark | undefined;
  /** What was being read when the problem was found ("while parsing a block mapping"). */
  readonly context: string | undefined;
  /** Where that context started. */
  readonly contextMark: Mark | undefined;

  constructor(problem: string, mark?: Mark, context?: string, contextMark?: Mark) {
    const where = contextMark === undefined ? '' : ` (line ${contextMark.line + 1}, column ${contextMark.column + 1})`;
    super(context === undefined ? problem : `${context}${where}: ${problem}`);
    this.name = 'YamlSyntaxError';
    this.mark = mark ?? contextMark;
    this.context = context;
    this.contextMark = contextMark;
  }
}
