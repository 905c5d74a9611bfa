// A small reader for Python literals (upstream passes every rendered string
// through `ast.literal_eval`-like parsing: "3" -> 3, "['a']" -> list, "True" -> true).

const NO = Symbol('not a literal');

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  value(depth: number): unknown {
    if (depth > 50) return NO;
    this.skip();
    const ch = this.text[this.pos];
    if (ch === undefined) return NO;
    if (ch === '[' || ch === '(') return this.list(ch === '[' ? ']' : ')', depth);
    if (ch === '{') return this.dict(depth);
    if (ch === '"' || ch === "'") return this.string(ch);
    const match = /^(?:True|False|None|[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))/.exec(this.text.slice(this.pos));
    if (match === null) return NO;
    this.pos += match[0].length;
    if (match[0] === 'True') return true;
    if (match[0] === 'False') return false;
    if (match[0] === 'None') return null;
    return Number(match[0]);
  }

  string(quote: string): unknown {
    let out = '';
    this.pos++;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos++]!;
      if (ch === quote) return out;
      if (ch === '\\') {
        const next = this.text[this.pos++];
        if (next === undefined) return NO;
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else out += ch;
    }
    return NO;
  }

  list(close: string, depth: number): unknown {
    const out: unknown[] = [];
    this.pos++;
    for (;;) {
      this.skip();
      if (this.text[this.pos] === close) {
        this.pos++;
        return out;
      }
      const item = this.value(depth + 1);
      if (item === NO) return NO;
      out.push(item);
      this.skip();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) return NO;
    }
  }

  dict(depth: number): unknown {
    const out: Record<string, unknown> = {};
    this.pos++;
    for (;;) {
      this.skip();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const key = this.value(depth + 1);
      if (key === NO || (typeof key !== 'string' && typeof key !== 'number' && typeof key !== 'boolean' && key !== null)) return NO;
      this.skip();
      if (this.text[this.pos] !== ':') return NO;
      this.pos++;
      const item = this.value(depth + 1);
      if (item === NO) return NO;
      Object.defineProperty(out, String(key), { value: item, enumerable: true, writable: true, configurable: true });
      this.skip();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') return NO;
    }
  }
}

/**
 * Reads `text` as a Python literal (numbers, strings, True/False/None,
 * lists, tuples, dicts); returns `text` unchanged when it is not one.
 *
 * @param text - a rendered string
 * @returns the literal's value, or the text
 */
export function literalEval(text: string): unknown {
  if (text.length > 100_000) return text;
  const reader = new Reader(text);
  const value = reader.value(0);
  reader.skip();
  return value === NO || reader.pos !== text.length ? text : value;
}
