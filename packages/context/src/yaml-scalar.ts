/**
 * A port of the parts of PyYAML's emitter that `yaml.safe_dump` uses for one
 * string value of a top-level mapping (`key: value`): the plain / single /
 * double quoted style choice and the folding at 80 columns. Used to write the
 * `.home` file byte for byte as the Python CLI does.
 */

const BEST_WIDTH = 80;
const INDENT = 2;
const LINE_BREAKS = new Set(['\n', '\x85', '\u2028', '\u2029']);
const WHITESPACE = new Set(['\0', ' ', '\t', '\r', '\n', '\x85', '\u2028', '\u2029']);
const ESCAPES: Readonly<Record<string, string>> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\t': 't', '\n': 'n', '\x0B': 'v', '\x0C': 'f', '\r': 'r', '\x1B': 'e',
  '"': '"', '\\': '\\', '\x85': 'N', '\xA0': '_', '\u2028': 'L', '\u2029': 'P',
};

// YAML 1.1 implicit resolvers of PyYAML: a plain scalar matching one of them would not read back as a string.
const IMPLICIT = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

function isPrintableAscii(ch: string): boolean {
  return ch >= ' ' && ch <= '~';
}

interface Analysis {
  readonly allowPlain: boolean;
  readonly allowSingleQuoted: boolean;
}

function analyze(chars: readonly string[]): Analysis {
  const text = chars.join('');
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  let followedByWhitespace = chars.length === 1 || WHITESPACE.has(chars[1]!);
  chars.forEach((ch, index) => {
    if (index === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWhitespace) blockIndicators = true;
      if (ch === '#' && precededByWhitespace) blockIndicators = true;
    }
    if (LINE_BREAKS.has(ch)) lineBreaks = true;
    if (ch !== '\n' && !isPrintableAscii(ch)) special = true; // safe_dump: allow_unicode is false
    if (ch === ' ') {
      if (index === 0) leadingSpace = true;
      if (index === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (LINE_BREAKS.has(ch)) {
      if (index === 0) leadingBreak = true;
      if (index === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = WHITESPACE.has(ch);
    followedByWhitespace = index + 2 >= chars.length || WHITESPACE.has(chars[index + 2]!);
  });
  let allowPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak);
  let allowSingleQuoted = true;
  if (breakSpace) allowPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowPlain = allowSingleQuoted = false;
  if (lineBreaks || blockIndicators) allowPlain = false;
  return { allowPlain, allowSingleQuoted };
}

class Writer {
  out = '';
  column = 0;

  write(data: string): void {
    this.out += data;
    this.column += data.length;
  }

  indent(): void {
    this.out += `\n${' '.repeat(INDENT)}`;
    this.column = INDENT;
  }
}

function writePlain(w: Writer, chars: readonly string[]): void {
  w.write(' ');
  let spaces = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH) w.indent();
        else w.write(chars.slice(start, end).join(''));
        start = end;
      }
    } else if (ch === undefined || ch === ' ') {
      w.write(chars.slice(start, end).join(''));
      start = end;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
}

function writeSingleQuoted(w: Writer, chars: readonly string[]): void {
  w.write(" '");
  let spaces = false;
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (spaces) {
      if (ch === undefined || ch !== ' ') {
        if (start + 1 === end && w.column > BEST_WIDTH && start !== 0 && end !== chars.length) w.indent();
        else w.write(chars.slice(start, end).join(''));
        start = end;
      }
    } else if (ch === undefined || ch === ' ' || ch === "'") {
      if (start < end) {
        w.write(chars.slice(start, end).join(''));
        start = end;
      }
    }
    if (ch === "'") {
      w.write("''");
      start = end + 1;
    }
    if (ch !== undefined) spaces = ch === ' ';
  }
  w.write("'");
}

function escape(ch: string): string {
  const named = ESCAPES[ch];
  if (named !== undefined) return `\\${named}`;
  const code = ch.codePointAt(0)!;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

function writeDoubleQuoted(w: Writer, chars: readonly string[]): void {
  w.write(' "');
  let start = 0;
  for (let end = 0; end <= chars.length; end++) {
    const ch = chars[end];
    if (ch === undefined || '"\\\x85\u2028\u2029\uFEFF'.includes(ch) || !isPrintableAscii(ch)) {
      if (start < end) {
        w.write(chars.slice(start, end).join(''));
        start = end;
      }
      if (ch !== undefined) {
        w.write(escape(ch));
        start = end + 1;
      }
    }
    if (end > 0 && end < chars.length - 1 && (ch === ' ' || start >= end) && w.column + (end - start) > BEST_WIDTH) {
      const data = `${chars.slice(start, end).join('')}\\`;
      if (start < end) start = end;
      w.write(data);
      w.indent();
      if (chars[start] === ' ') w.write('\\');
    }
  }
  w.write('"');
}

/**
 * Formats `key: value\n` exactly as PyYAML's `safe_dump({key: value})` does
 * for a simple key and a string value.
 *
 * @param key - A plain key such as `POLYAXON_HOME`.
 * @param value - The string value.
 * @returns The YAML document.
 */
export function dumpYamlEntry(key: string, value: string): string {
  const chars = Array.from(value);
  const w = new Writer();
  w.write(`${key}:`);
  const { allowPlain, allowSingleQuoted } = analyze(chars);
  const implicit = !IMPLICIT.some((re) => re.test(value));
  if (chars.length > 0 && allowPlain && implicit) writePlain(w, chars);
  else if (allowSingleQuoted) writeSingleQuoted(w, chars);
  else writeDoubleQuoted(w, chars);
  return `${w.out}\n`;
}
