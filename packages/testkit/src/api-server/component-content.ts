import { parseYaml } from '@px/polyaxonfile';

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
 * Why the server refuses a component version's `content` (api-samples 87, 88), or undefined when it reads.
 * Like upstream it reads the content as YAML (JSON included) and requires a `version`; the rest of the
 * specification is not checked here.
 */
export function componentContentError(content: string): string | undefined {
  let value: unknown;
  try {
    value = parseYaml(content).value;
  } catch (error) {
    const cause = error instanceof Error ? (error.cause as YamlCause | undefined) : undefined;
    const detail = cause && typeof cause.message === 'string' ? yamlErrorText(content, cause) : String(error);
    return `Received non valid yaml: \`${content}\`.\nYaml error ${detail}`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('version' in value)) {
    return 'The Polyaxonfile `version` must be specified.';
  }
  return undefined;
}
