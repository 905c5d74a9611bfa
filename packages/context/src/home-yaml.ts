import { ContextError } from './context-error';

const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);
const PRINTABLE_ASCII = /^[ -~]*$/;

function isPlainSafe(value: string): boolean {
  if (value === '' || !PRINTABLE_ASCII.test(value) || INDICATORS.has(value[0]!)) return false;
  if (value !== value.trim() || value.endsWith(':')) return false;
  return !value.includes(': ') && !value.includes(' #');
}
const YAML_SPECIAL = /^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.inf|\.nan)$/i;

function yamlScalar(value: string): string {
  if (isPlainSafe(value) && !YAML_SPECIAL.test(value)) return value;
  if (PRINTABLE_ASCII.test(value)) return `'${value.replaceAll("'", "''")}'`;
  return JSON.stringify(value).replace(/[^ -~]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Formats the `.home` file exactly as upstream writes it: one YAML line
 * `POLYAXON_HOME: <path>` and a trailing newline (paths that YAML would
 * misread are single-quoted).
 *
 * @param path - The home path (the parent of the `.polyaxon` folder to use).
 * @returns The file content.
 */
export function formatHomeYaml(path: string): string {
  return `POLYAXON_HOME: ${yamlScalar(path)}\n`;
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
    try {
      return JSON.parse(match[1]!) as string;
    } catch (error) {
      throw new ContextError(`Malformed YAML in ${file}: bad escape in quoted value; the file was left untouched.`, { file, cause: error });
    }
  }
  const plain = text.replace(/\s+#.*$/, '').trim();
  if (plain === '' || plain === '~' || plain.toLowerCase() === 'null') return undefined;
  return plain;
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
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trimStart().startsWith('#') || line.trim() === '---' || line.trim() === '...') continue;
    const match = /^([A-Za-z_][\w]*)\s*:(?:\s+(.*))?$/.exec(line.trimEnd());
    if (!match) {
      throw new ContextError(`Malformed YAML in ${file}: expected \`POLYAXON_HOME: <path>\`; the file was left untouched.`, { file });
    }
    const value = parseScalar(match[2] ?? '', file);
    if (match[1] === 'POLYAXON_HOME') byAlias = value;
    else if (match[1] === 'path') byField = value;
  }
  return byAlias ?? byField;
}
