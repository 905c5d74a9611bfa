interface Mark {
  line: number;
  column: number;
}

interface YamlCause {
  message: string;
  mark?: Mark;
  context?: string;
  contextMark?: Mark;
}

const BREAKS = new Set(['\0', '\r', '\n', '\x85', '\u2028', '\u2029']);
const SNIPPET_HALF = 75 / 2 - 1;

function indexOf(text: string, mark: Mark): number {
  const lines = text.split('\n');
  return lines.slice(0, mark.line).reduce((n, line) => n + line.length + 1, 0) + mark.column;
}

/** PyYAML's `Mark.get_snippet()`: the line around the mark, cut to 75 characters, and a caret under it. */
function snippet(text: string, pointer: number): string {
  let head = '';
  let start = pointer;
  while (start > 0 && !BREAKS.has(text[start - 1]!)) {
    start -= 1;
    if (pointer - start > SNIPPET_HALF) {
      head = ' ... ';
      start += 5;
      break;
    }
  }
  let tail = '';
  let end = pointer;
  while (end < text.length && !BREAKS.has(text[end]!)) {
    end += 1;
    if (end - pointer > SNIPPET_HALF) {
      tail = ' ... ';
      end -= 5;
      break;
    }
  }
  return `    ${head}${text.slice(start, end)}${tail}\n${' '.repeat(4 + pointer - start + head.length)}^`;
}

function markText(text: string, mark: Mark): string {
  return `  in "<unicode string>", line ${mark.line + 1}, column ${mark.column + 1}:\n${snippet(text, indexOf(text, mark))}`;
}

/** `str()` of PyYAML's `MarkedYAMLError` for a problem our PyYAML-faithful reader found. */
function yamlErrorText(text: string, cause: YamlCause): string {
  const lines: string[] = [];
  let problem = cause.message;
  if (cause.context !== undefined) {
    lines.push(cause.context);
    problem = problem.slice(problem.indexOf(': ', cause.context.length) + 2);
    const same = cause.contextMark && cause.mark && cause.contextMark.line === cause.mark.line && cause.contextMark.column === cause.mark.column;
    if (cause.contextMark && !same) lines.push(markText(text, cause.contextMark));
  }
  lines.push(problem);
  if (cause.mark) lines.push(markText(text, cause.mark));
  return lines.join('\n');
}

/**
 * PyYAML's "mapping values are not allowed here": a block mapping value that is a plain scalar holding `: `
 * (or ending in `:`), e.g. `not: a: component` (api-samples 88). Returns the mark of the offending colon.
 */
function nestedMappingValue(text: string): Mark | undefined {
  const lines = text.split('\n');
  for (const [line, raw] of lines.entries()) {
    const match = /^(\s*(?:-\s+)?[^\s#'"[{][^:#]*?):\s+(.*)$/.exec(raw);
    if (!match) continue;
    const value = match[2]!.replace(/\s+#.*$/, '');
    if (/^['"[{|>&*!]/.test(value)) continue;
    const inner = /:(\s|$)/.exec(value);
    if (inner) return { line, column: raw.length - match[2]!.length + inner.index };
  }
  return undefined;
}

function hasVersion(content: string): boolean {
  try {
    const value: unknown = JSON.parse(content);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'version' in value;
  } catch {
    return /^version\s*:/m.test(content) || /^\s*\{[^]*["']?version["']?\s*:/.test(content);
  }
}

/**
 * Why the server refuses a component version's `content` (api-samples 87, 88), or undefined when it reads.
 * Like upstream it reads the content as YAML (JSON included) and requires a `version`; the rest of the
 * specification is not checked. This is a small check, not a YAML parser: the test kit cannot depend on
 * `@px/polyaxonfile` (whose tests use the test kit). It reproduces PyYAML's text for a nested mapping value,
 * the error the samples show.
 */
export function componentContentError(content: string): string | undefined {
  const trimmed = content.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    const mark = nestedMappingValue(content);
    if (mark) return `Received non valid yaml: \`${content}\`.\nYaml error ${yamlErrorText(content, { message: 'mapping values are not allowed here', mark })}`;
  }
  return hasVersion(content) ? undefined : 'The Polyaxonfile `version` must be specified.';
}
