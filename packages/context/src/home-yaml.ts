import { ContextError } from './context-error';
import { dumpYamlEntry } from './yaml-scalar';

/**
 * Formats the `.home` file exactly as upstream writes it (PyYAML
 * `safe_dump`): `POLYAXON_HOME: <path>` and a newline, with PyYAML's quoting,
 * escapes and folding at 80 columns.
 *
 * @param path - The home path (the parent of the `.polyaxon` folder to use).
 * @returns The file content.
 */
export function formatHomeYaml(path: string): string {
  return dumpYamlEntry('POLYAXON_HOME', path);
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0', a: '\x07', b: '\x08', t: '\t', '\t': '\t', n: '\n', v: '\x0B', f: '\x0C', r: '\r', e: '\x1B', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xA0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

function decodeDoubleQuoted(body: string): string | undefined {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      continue;
    }
    const width = HEX_ESCAPES[next];
    const hex = width === undefined ? '' : body.slice(i + 1, i + 1 + width);
    if (width === undefined || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) return undefined;
    const code = Number.parseInt(hex, 16);
    if (code > 0x10ffff) return undefined;
    out += String.fromCodePoint(code);
    i += width;
  }
  return out;
}

function parseScalar(raw: string, file: string): string | undefined {
  const text = raw.trim();
  if (text.startsWith("'")) {
    const match = /^'((?:[^']|'')*)'\s*(?:#.*)?$/.exec(text);
    if (!match) throw new ContextError(`Malformed YAML in ${file}: unterminated quoted value; the file was left untouched.`, { file });
    return match[1]!.replaceAll("''", "'");
  }
  if (text.startsWith('"')) {
    const match = /^("(?:[^"\\]|\\.)*")\s*(?:#.*)?$/.exec(text);
    if (!match) throw new ContextError(`Malformed YAML in ${file}: unterminated quoted value; the file was left untouched.`, { file });
    const decoded = decodeDoubleQuoted(match[1]!.slice(1, -1));
    if (decoded === undefined) throw new ContextError(`Malformed YAML in ${file}: bad escape in quoted value; the file was left untouched.`, { file });
    return decoded;
  }
  const plain = text.replace(/\s+#.*$/, '').trim();
  if (plain === '' || plain === '~' || plain.toLowerCase() === 'null') return undefined;
  return plain;
}

/** Lines of a flat mapping, with PyYAML's folded continuation lines (indented) joined by one space. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed === '...') continue;
    const previous = lines.at(-1);
    if (/^\s/.test(line) && previous !== undefined) {
      // An odd number of trailing backslashes is an escaped line break (double-quoted): join without a space.
      const escapedBreak = (/\\+$/.exec(previous)?.[0].length ?? 0) % 2 === 1;
      lines[lines.length - 1] = escapedBreak ? `${previous.slice(0, -1)}${line.trimStart()}` : `${previous.trimEnd()} ${trimmed}`;
    } else {
      lines.push(line);
    }
  }
  return lines;
}

/**
 * Parses the `.home` YAML file (a single mapping; keys `POLYAXON_HOME` or
 * `path`). Other keys are ignored.
 *
 * @param text - The file content.
 * @param file - The file path, named in errors.
 * @returns The home path, or `undefined` when none is set.
 * @throws {@link ContextError} naming the file when it is not a flat YAML mapping.
 */
export function parseHomeYaml(text: string, file: string): string | undefined {
  let byAlias: string | undefined;
  let byField: string | undefined;
  for (const line of logicalLines(text)) {
    const match = /^([A-Za-z_][\w]*)\s*:(?:\s+(.*))?$/.exec(line.trimEnd());
    if (!match) {
      throw new ContextError(`Malformed YAML in ${file}: expected \`POLYAXON_HOME: <path>\`; the file was left untouched.`, { file });
    }
    const parsed = parseScalar(match[2] ?? '', file);
    const value = parsed === '' ? undefined : parsed;
    if (match[1] === 'POLYAXON_HOME') byAlias = value;
    else if (match[1] === 'path') byField = value;
  }
  return byAlias ?? byField;
}
