import { pyStringRepr } from '../schemas/py-format';
import { YamlSyntaxError } from './yaml-syntax-error';
import type { Mark } from './yaml-syntax-error';

// A YAML 1.1 tokenizer that accepts and refuses exactly what PyYAML's
// scanner does: only spaces indent or separate tokens (a tab that would
// start a token is an error), indentation is ignored inside flow
// collections, and a ':' or '?' in a flow collection is always an indicator.

/** The kinds of token, named as PyYAML prints them in messages. */
export type TokenType =
  | '<stream end>'
  | '<directive>'
  | '<document start>'
  | '<document end>'
  | '<block sequence start>'
  | '<block mapping start>'
  | '<block end>'
  | '['
  | ']'
  | '{'
  | '}'
  | '-'
  | ','
  | '?'
  | ':'
  | '<alias>'
  | '<anchor>'
  | '<tag>'
  | '<scalar>';

/** One token, with where it starts. */
export interface Token extends Mark {
  readonly type: TokenType;
  /** Scalar text, anchor or alias name, tag suffix; for `%YAML`, the version; for `%TAG`, the handle, a space and the prefix. */
  readonly value?: string | undefined;
  /** Tag handle (`!`, `!!`, `!x!`; absent for verbatim and lone `!` tags), or a directive's name. */
  readonly handle?: string | undefined;
  /** Whether a scalar is plain (unquoted, not a block scalar). */
  readonly plain?: boolean | undefined;
}

/** One token: every token has every field, which keeps property access monomorphic. */
function token(type: TokenType, line: number, column: number, value?: string, handle?: string, plain?: boolean): Token {
  return { type, line, column, value, handle, plain };
}

const BREAKS = '\r\n\x85\u2028\u2029';
const BLANK_OR_END = `\0 \t${BREAKS}`;
const END_OR_BREAK = `\0${BREAKS}`;
const SPACE_OR_END = ` ${END_OR_BREAK}`;
const NOT_PLAIN_START = `${BLANK_OR_END}-?:,[]{}#&*!|>'"%@\``;
const QUOTED_STOP = `'"\\${BLANK_OR_END}`;
const isBreak = (ch: string): boolean => ch === '\n' || ch === '\r' || ch === '\x85' || ch === '\u2028' || ch === '\u2029';
const isBlankOrEnd = (ch: string): boolean => ch === ' ' || ch === '\0' || ch === '\t' || isBreak(ch);
const isWordChar = (ch: string): boolean => /^[0-9A-Za-z_-]$/.test(ch);
const URI_CHARS = /^[0-9A-Za-z\-;/?:@&=+$,_.!~*'()[\]%]$/;
const ESCAPES: Record<string, string> = {
  0: '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const ESCAPE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A tokenizer over one text: look at or take the next token. */
export interface Scanner {
  /** The next token, without taking it. */
  readonly peekToken: () => Token;
  /** Takes the next token. */
  readonly nextToken: () => Token;
}

/**
 * Splits YAML text into tokens, on demand.
 *
 * @param text - the YAML source
 * @returns the scanner
 */
export function createScanner(text: string): Scanner {
  let index = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 0;
  let column = 0;
  const tokens: Token[] = [];
  let tokensTaken = 0;
  let done = false;
  let flowLevel = 0;
  let indent = -1;
  const indents: number[] = [];
  let allowSimpleKey = true;
  // The possible simple keys by flow level (PyYAML's dict), five numbers a level in one array (no object per
  // key: one is saved for nearly every scalar): the number of the token it would go before (-1: no key),
  // whether it is required (1), its character index, line and column. Levels from `keyTop` up hold no key,
  // so a visit costs no more than PyYAML's dict.
  const keys: number[] = [];
  let keyTop = 0;
  // Whether tokens[head] is final: what decides it changes only when a token is fetched or taken.
  let ready = false;
  // Taken tokens stay in `tokens` below `head` until the queue is compacted (shift() is linear in V8 for long queues).
  let head = 0;

  function peekToken(): Token {
    if (!ready) {
      while (needMoreTokens()) fetchMoreTokens();
      ready = true;
    }
    return tokens[head]!;
  }

  function nextToken(): Token {
    const token = peekToken();
    // Compacted now and then, not emptied per token (which would reallocate the array each time).
    if (++head >= 1024) {
      tokens.splice(0, head);
      head = 0;
    }
    tokensTaken++;
    ready = false;
    return token;
  }

  function mark(): Mark {
    return { line: line, column: column };
  }

  /** Fails with PyYAML's "expected X, but found Y" about the character here. */
  function expected(what: string, context: string, start: Mark): never {
    return fail(`expected ${what}, but found ${pyStringRepr(peek())}`, context, start);
  }

  function fail(problem: string, context?: string, contextMark?: Mark): never {
    throw new YamlSyntaxError(problem, mark(), context, contextMark);
  }

  function peek(offset = 0): string {
    return text[index + offset] ?? '\0';
  }

  function prefix(length: number): string {
    return text.slice(index, index + length);
  }

  /** Whether a `---` or `...` document separator starts here. */
  function atSeparator(): boolean {
    const head = prefix(3);
    return (head === '---' || head === '...') && isBlankOrEnd(peek(3));
  }

  function forward(length = 1): void {
    // Char codes: this runs for every character.
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(index++);
      if (code === 0x0a || code === 0x85 || code === 0x2028 || code === 0x2029 || (code === 0x0d && text.charCodeAt(index) !== 0x0a)) {
        line++;
        column = 0;
      } else if (code !== 0xfeff) column++;
    }
  }

  function push(type: TokenType, mark: Mark, value?: string, handle?: string, plain?: boolean): void {
    tokens.push(token(type, mark.line, mark.column, value, handle, plain));
  }

  /** Takes `length` indicator characters as one token. */
  function indicator(type: TokenType, length = 1): void {
    // No Mark object: this runs for every indicator of a large document.
    tokens.push(token(type, line, column));
    forward(length);
  }

  /** In block context, opens a block collection at this column when it is deeper than the current one. */
  function openBlock(what: string, type: TokenType): void {
    if (flowLevel > 0) return;
    if (!allowSimpleKey) fail(`${what} are not allowed here`);
    if (addIndent(column)) push(type, mark());
  }

  function needMoreTokens(): boolean {
    if (done) return false;
    if (tokens.length === head) return true;
    return staleKeys() === tokensTaken;
  }

  function keyFail(at: number): never {
    return fail("could not find expected ':'", 'while scanning a simple key', { line: keys[at + 3]!, column: keys[at + 4]! });
  }

  function deleteKey(level: number): void {
    keys[5 * level] = -1;
    while (keyTop > 0 && keys[5 * keyTop - 5]! < 0) keyTop--;
  }

  /** Drops the keys that can no longer be simple keys; returns the lowest token number one still holds back (-1: none). */
  function staleKeys(): number {
    let min = -1;
    // `keyTop` is read each round: deleting the last key lowers it.
    for (let level = 0; level < keyTop; level++) {
      const at = 5 * level;
      const token = keys[at]!;
      if (token < 0) continue;
      if (keys[at + 3] !== line || index - keys[at + 2]! > 1024) {
        if (keys[at + 1] === 1) keyFail(at);
        deleteKey(level);
      } else if (min < 0 || token < min) min = token;
    }
    return min;
  }

  function saveSimpleKey(): void {
    const required = flowLevel === 0 && indent === column;
    if (!allowSimpleKey) return;
    removeSimpleKey();
    while (keys.length < 5 * flowLevel) keys.push(-1, 0, 0, 0, 0);
    const at = 5 * flowLevel;
    keys[at] = tokensTaken + tokens.length - head;
    keys[at + 1] = required ? 1 : 0;
    keys[at + 2] = index;
    keys[at + 3] = line;
    keys[at + 4] = column;
    if (flowLevel >= keyTop) keyTop = flowLevel + 1;
  }

  function hasKey(): boolean {
    return flowLevel < keyTop && keys[5 * flowLevel]! >= 0;
  }

  function removeSimpleKey(): void {
    if (!hasKey()) return;
    if (keys[5 * flowLevel + 1] === 1) keyFail(5 * flowLevel);
    deleteKey(flowLevel);
  }

  function unwindIndent(col: number): void {
    if (flowLevel > 0) return;
    while (indent > col) {
      indent = indents.pop()!;
      push('<block end>', mark());
    }
  }

  function addIndent(col: number): boolean {
    if (indent >= col) return false;
    indents.push(indent);
    indent = col;
    return true;
  }

  function fetchMoreTokens(): void {
    scanToNextToken();
    staleKeys();
    unwindIndent(column);
    const ch = peek();
    const next = peek(1);
    if (index >= text.length) return fetchStreamEnd();
    if (ch === '%' && column === 0) return fetchDirective();
    if (column === 0 && atSeparator()) {
      return fetchDocumentIndicator(ch === '-' ? '<document start>' : '<document end>');
    }
    switch (ch) {
      case '[':
      case '{':
        return fetchFlowStart(ch);
      case ']':
      case '}':
        return fetchFlowEnd(ch);
      case ',':
        return fetchFlowEntry();
      case '*':
      case '&':
        return fetchAnchor(ch);
      case '!':
        return fetchTag();
      case "'":
      case '"':
        return fetchQuoted(ch);
      default:
    }
    if (ch === '-' && isBlankOrEnd(next)) return fetchBlockEntry();
    if (ch === '?' && (flowLevel > 0 || isBlankOrEnd(next))) return fetchKey();
    if (ch === ':' && (flowLevel > 0 || isBlankOrEnd(next))) return fetchValue();
    if ((ch === '|' || ch === '>') && flowLevel === 0) return fetchBlockScalar(ch);
    if (checkPlain()) return fetchPlain();
    fail(`found character ${pyStringRepr(ch)} that cannot start any token`, 'while scanning for the next token');
  }

  function checkPlain(): boolean {
    const ch = peek();
    if (!NOT_PLAIN_START.includes(ch)) return true;
    return !isBlankOrEnd(peek(1)) && (ch === '-' || (flowLevel === 0 && (ch === '?' || ch === ':')));
  }

  function scanToNextToken(): void {
    for (;;) {
      while (peek() === ' ') forward();
      if (peek() === '#') while (!END_OR_BREAK.includes(peek())) forward();
      if (scanLineBreak() === '') return;
      if (flowLevel === 0) allowSimpleKey = true;
    }
  }

  function scanLineBreak(): string {
    const ch = peek();
    if (ch === '\r' || ch === '\n' || ch === '\x85') {
      forward(prefix(2) === '\r\n' ? 2 : 1);
      return '\n';
    }
    if (ch === '\u2028' || ch === '\u2029') {
      forward();
      return ch;
    }
    return '';
  }

  function fetchStreamEnd(): void {
    unwindIndent(-1);
    removeSimpleKey();
    allowSimpleKey = false;
    keys.length = 0;
    keyTop = 0;
    push('<stream end>', mark());
    done = true;
  }

  function fetchDocumentIndicator(type: TokenType): void {
    unwindIndent(-1);
    removeSimpleKey();
    allowSimpleKey = false;
    indicator(type, 3);
  }

  function fetchFlowStart(ch: '[' | '{'): void {
    saveSimpleKey();
    flowLevel++;
    allowSimpleKey = true;
    indicator(ch);
  }

  function fetchFlowEnd(ch: ']' | '}'): void {
    removeSimpleKey();
    if (flowLevel > 0) flowLevel--;
    allowSimpleKey = false;
    indicator(ch);
  }

  function fetchFlowEntry(): void {
    allowSimpleKey = true;
    removeSimpleKey();
    indicator(',');
  }

  function fetchBlockEntry(): void {
    openBlock('sequence entries', '<block sequence start>');
    // In a flow collection this is an error the parser reports.
    allowSimpleKey = true;
    removeSimpleKey();
    indicator('-');
  }

  function fetchKey(): void {
    openBlock('mapping keys', '<block mapping start>');
    allowSimpleKey = flowLevel === 0;
    removeSimpleKey();
    indicator('?');
  }

  function fetchValue(): void {
    if (hasKey()) {
      const at = head + keys[5 * flowLevel]! - tokensTaken;
      const keyLine = keys[5 * flowLevel + 3]!;
      const keyColumn = keys[5 * flowLevel + 4]!;
      deleteKey(flowLevel);
      tokens.splice(at, 0, token('?', keyLine, keyColumn));
      if (flowLevel === 0 && addIndent(keyColumn)) {
        tokens.splice(at, 0, token('<block mapping start>', keyLine, keyColumn));
      }
      allowSimpleKey = false;
    } else {
      openBlock('mapping values', '<block mapping start>');
      allowSimpleKey = flowLevel === 0;
      removeSimpleKey();
    }
    indicator(':');
  }

  /** Reads an anchor, alias or directive name, which `follow` may come after. */
  function scanName(context: string, start: Mark, follow: string): string {
    let length = 0;
    while (isWordChar(peek(length))) length++;
    if (length === 0) expected('alphabetic or numeric character', context, start);
    const name = prefix(length);
    forward(length);
    if (!follow.includes(peek())) expected('alphabetic or numeric character', context, start);
    return name;
  }

  function fetchAnchor(kind: '*' | '&'): void {
    saveSimpleKey();
    allowSimpleKey = false;
    const start = mark();
    forward();
    const value = scanName(`while scanning an ${kind === '*' ? 'alias' : 'anchor'}`, start, `${BLANK_OR_END}?:,]}%@\``);
    push(kind === '*' ? '<alias>' : '<anchor>', start, value);
  }

  function fetchTag(): void {
    saveSimpleKey();
    allowSimpleKey = false;
    const start = mark();
    const context = 'while scanning a tag';
    let handle: string | undefined;
    let suffix: string;
    const next = peek(1);
    if (next === '<') {
      forward(2);
      suffix = scanTagUri(context, start);
      if (peek() !== '>') expected("'>'", context, start);
      forward();
    } else if (isBlankOrEnd(next)) {
      suffix = '!';
      forward();
    } else {
      let length = 1;
      let useHandle = false;
      while (!SPACE_OR_END.includes(peek(length))) {
        if (peek(length) === '!') {
          useHandle = true;
          break;
        }
        length++;
      }
      if (useHandle) handle = scanTagHandle(context, start);
      else {
        handle = '!';
        forward();
      }
      suffix = scanTagUri(context, start);
    }
    if (!SPACE_OR_END.includes(peek())) expected("' '", context, start);
    push('<tag>', start, suffix, handle);
  }

  function scanTagHandle(context: string, start: Mark): string {
    if (peek() !== '!') expected("'!'", context, start);
    let length = 1;
    if (peek(1) !== ' ') {
      while (isWordChar(peek(length))) length++;
      if (peek(length) !== '!') {
        forward(length);
        expected("'!'", context, start);
      }
      length++;
    }
    const handle = prefix(length);
    forward(length);
    return handle;
  }

  function scanTagUri(context: string, start: Mark): string {
    let out = '';
    let length = 0;
    while (URI_CHARS.test(peek(length))) {
      if (peek(length) === '%') {
        out += prefix(length);
        forward(length);
        length = 0;
        out += scanUriEscapes(context, start);
      } else length++;
    }
    if (length > 0) {
      out += prefix(length);
      forward(length);
    }
    if (out === '') expected('URI', context, start);
    return out;
  }

  function scanUriEscapes(context: string, start: Mark): string {
    const bytes: number[] = [];
    while (peek() === '%') {
      forward();
      const hex = prefix(2);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
        fail(`expected URI escape sequence of 2 hexadecimal numbers, but found ${pyStringRepr(peek(/^[0-9A-Fa-f]/.test(hex) ? 1 : 0))}`, context, start);
      }
      bytes.push(Number.parseInt(hex, 16));
      forward(2);
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    } catch {
      return fail('invalid UTF-8 in a URI escape', context, start);
    }
  }

  function fetchDirective(): void {
    unwindIndent(-1);
    removeSimpleKey();
    allowSimpleKey = false;
    const start = mark();
    const context = 'while scanning a directive';
    forward();
    const name = scanName(context, start, SPACE_OR_END);
    let value: string | undefined;
    if (name === 'YAML') value = scanVersion(context, start);
    else if (name === 'TAG') {
      skipSpaces();
      const handle = scanTagHandle(context, start);
      if (peek() !== ' ') expected("' '", context, start);
      skipSpaces();
      value = scanTagUri(context, start);
      if (!SPACE_OR_END.includes(peek())) expected("' '", context, start);
      push('<directive>', start, `${handle} ${value}`, 'TAG');
      scanIgnoredLine(context, start);
      return;
    } else while (!END_OR_BREAK.includes(peek())) forward();
    push('<directive>', start, value, name);
    scanIgnoredLine(context, start);
  }

  function scanVersion(context: string, start: Mark): string {
    skipSpaces();
    const number = (): string => {
      let length = 0;
      while (/^[0-9]$/.test(peek(length))) length++;
      if (length === 0) expected('a digit', context, start);
      const digits = prefix(length);
      forward(length);
      return digits;
    };
    const major = number();
    if (peek() !== '.') expected("a digit or '.'", context, start);
    forward();
    const minor = number();
    if (!SPACE_OR_END.includes(peek())) expected("a digit or ' '", context, start);
    return `${Number(major)}.${Number(minor)}`;
  }

  function skipSpaces(): void {
    while (peek() === ' ') forward();
  }

  function scanIgnoredLine(context: string, start: Mark): void {
    skipSpaces();
    if (peek() === '#') while (!END_OR_BREAK.includes(peek())) forward();
    if (!END_OR_BREAK.includes(peek())) expected('a comment or a line break', context, start);
    scanLineBreak();
  }

  function fetchBlockScalar(style: '|' | '>'): void {
    allowSimpleKey = true;
    removeSimpleKey();
    const start = mark();
    const context = 'while scanning a block scalar';
    forward();
    let chomping: boolean | undefined;
    let increment: number | undefined;
    const readIncrement = (): void => {
      if (!/^[0-9]$/.test(peek())) return;
      increment = Number(peek());
      if (increment === 0) fail('expected indentation indicator in the range 1-9, but found 0', context, start);
      forward();
    };
    if (peek() === '+' || peek() === '-') {
      chomping = peek() === '+';
      forward();
      readIncrement();
    } else {
      readIncrement();
      if (increment !== undefined && (peek() === '+' || peek() === '-')) {
        chomping = peek() === '+';
        forward();
      }
    }
    if (!SPACE_OR_END.includes(peek())) expected('chomping or indentation indicators', context, start);
    scanIgnoredLine(context, start);
    const minIndent = Math.max(1, indent + 1);
    let blockIndent: number;
    let breaks: string[];
    if (increment === undefined) {
      breaks = [];
      let maxIndent = 0;
      while (` ${BREAKS}`.includes(peek()) && peek() !== '\0') {
        if (peek() !== ' ') breaks.push(scanLineBreak());
        else {
          forward();
          if (column > maxIndent) maxIndent = column;
        }
      }
      blockIndent = Math.max(minIndent, maxIndent);
    } else {
      blockIndent = minIndent + increment - 1;
      breaks = scanBlockBreaks(blockIndent);
    }
    let out = '';
    let lineBreak = '';
    while (column === blockIndent && index < text.length) {
      out += breaks.join('');
      const leadingNonSpace = peek() !== ' ' && peek() !== '\t';
      let length = 0;
      while (!END_OR_BREAK.includes(peek(length))) length++;
      out += prefix(length);
      forward(length);
      lineBreak = scanLineBreak();
      breaks = scanBlockBreaks(blockIndent);
      if (column !== blockIndent || index >= text.length) break;
      if (style === '>' && lineBreak === '\n' && leadingNonSpace && peek() !== ' ' && peek() !== '\t') {
        if (breaks.length === 0) out += ' ';
      } else out += lineBreak;
    }
    if (chomping !== false) out += lineBreak;
    if (chomping === true) out += breaks.join('');
    push('<scalar>', start, out, undefined, false);
  }

  function scanBlockBreaks(blockIndent: number): string[] {
    const breaks: string[] = [];
    while (column < blockIndent && peek() === ' ') forward();
    while (isBreak(peek())) {
      breaks.push(scanLineBreak());
      while (column < blockIndent && peek() === ' ') forward();
    }
    return breaks;
  }

  function fetchQuoted(quote: "'" | '"'): void {
    saveSimpleKey();
    allowSimpleKey = false;
    const start = mark();
    const double = quote === '"';
    const context = `while scanning a ${double ? 'double' : 'single'}-quoted scalar`;
    forward();
    let out = scanQuotedNonSpaces(double, context, start);
    while (peek() !== quote) {
      out += scanQuotedSpaces(start);
      out += scanQuotedNonSpaces(double, context, start);
    }
    forward();
    push('<scalar>', start, out, undefined, false);
  }

  function scanQuotedNonSpaces(double: boolean, context: string, start: Mark): string {
    let out = '';
    for (;;) {
      let length = 0;
      while (!QUOTED_STOP.includes(peek(length))) length++;
      if (length > 0) {
        out += prefix(length);
        forward(length);
      }
      if (index >= text.length) return out;
      const ch = peek();
      if (!double && ch === "'" && peek(1) === "'") {
        out += "'";
        forward(2);
      } else if ((double && ch === "'") || (!double && (ch === '"' || ch === '\\'))) {
        out += ch;
        forward();
      } else if (double && ch === '\\') {
        forward();
        const code = peek();
        if (ESCAPES[code] !== undefined && index < text.length) {
          out += ESCAPES[code];
          forward();
        } else if (ESCAPE_LENGTHS[code] !== undefined) {
          const size = ESCAPE_LENGTHS[code];
          forward();
          for (let k = 0; k < size; k++) {
            if (!/^[0-9A-Fa-f]$/.test(peek(k))) {
              fail(`expected escape sequence of ${size} hexadecimal numbers, but found ${pyStringRepr(peek(k))}`, context, start);
            }
          }
          const point = Number.parseInt(prefix(size), 16);
          if (point > 0x10ffff) fail(`chr() arg not in range(0x110000): ${prefix(size)}`, context, start);
          out += String.fromCodePoint(point);
          forward(size);
        } else if (isBreak(code)) {
          scanLineBreak();
          out += scanQuotedBreaks(start).join('');
        } else fail(`found unknown escape character ${pyStringRepr(code)}`, context, start);
      } else return out;
    }
  }

  function scanQuotedSpaces(start: Mark): string {
    let length = 0;
    while (peek(length) === ' ' || peek(length) === '\t') length++;
    const blanks = prefix(length);
    forward(length);
    if (index >= text.length) fail('found unexpected end of stream', 'while scanning a quoted scalar', start);
    if (!isBreak(peek())) return blanks;
    const lineBreak = scanLineBreak();
    const breaks = scanQuotedBreaks(start);
    if (lineBreak !== '\n') return lineBreak + breaks.join('');
    return breaks.length === 0 ? ' ' : breaks.join('');
  }

  function scanQuotedBreaks(start: Mark): string[] {
    const breaks: string[] = [];
    for (;;) {
      if (atSeparator()) {
        fail('found unexpected document separator', 'while scanning a quoted scalar', start);
      }
      while (peek() === ' ' || peek() === '\t') forward();
      if (!isBreak(peek())) return breaks;
      breaks.push(scanLineBreak());
    }
  }

  function fetchPlain(): void {
    saveSimpleKey();
    allowSimpleKey = false;
    const startLine = line;
    const startColumn = column;
    const minColumn = indent + 1;
    // The scalar is sliced from the source once per line: `out` holds what came before the last line fold,
    // `text[runStart, runEnd)` the source text since (no string per part or per run of spaces).
    let out = '';
    let runStart = index;
    let runEnd = index;
    let fold: string | undefined;
    for (;;) {
      if (peek() === '#') break;
      const length = plainLength();
      if (length === 0) break;
      allowSimpleKey = false;
      if (fold !== undefined) {
        out += text.slice(runStart, runEnd) + fold;
        runStart = index;
      }
      runEnd = index + length;
      forward(length);
      const more = scanPlainSpaces();
      if (more === undefined || more === '' || peek() === '#' || (flowLevel === 0 && column < minColumn)) break;
      fold = more === true ? undefined : more;
    }
    tokens.push(token('<scalar>', startLine, startColumn, out + text.slice(runStart, runEnd), undefined, true));
  }

  /** How many characters from here belong to a plain scalar's current part (char codes: this runs per character). */
  function plainLength(): number {
    const inFlow = flowLevel > 0;
    let at = index;
    for (; at < text.length; at++) {
      const code = text.charCodeAt(at);
      // Space, tab, line breaks (and NUL, the end marker).
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x85 || code === 0x2028 || code === 0x2029 || code === 0) break;
      if (code === 0x3a /* : */) {
        const after = peek(at - index + 1);
        if (isBlankOrEnd(after) || (inFlow && (after === ',' || after === '[' || after === ']' || after === '{' || after === '}'))) break;
      } else if (inFlow && (code === 0x2c || code === 0x3f || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d)) break;
    }
    return at - index;
  }

  /**
   * The text between two parts of a plain scalar: `true` for blanks on the same line (the source text
   * itself), the folded text after a line break; `undefined` or `''` ends the scalar.
   */
  function scanPlainSpaces(): string | true | undefined {
    let length = 0;
    while (peek(length) === ' ') length++;
    forward(length);
    if (!isBreak(peek())) return length === 0 ? '' : true;
    const lineBreak = scanLineBreak();
    allowSimpleKey = true;
    if (atSeparator()) return undefined;
    const breaks: string[] = [];
    while (peek() === ' ' || isBreak(peek())) {
      if (peek() === ' ') forward();
      else {
        breaks.push(scanLineBreak());
        if (atSeparator()) return undefined;
      }
    }
    if (lineBreak !== '\n') return lineBreak + breaks.join('');
    return breaks.length === 0 ? ' ' : breaks.join('');
  }

  return { peekToken, nextToken };
}
