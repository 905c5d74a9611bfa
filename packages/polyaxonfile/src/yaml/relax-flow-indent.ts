/** A source rewritten so that the `yaml` package accepts it, plus how lines moved. */
export interface RelaxedSource {
  /** The rewritten source. */
  readonly text: string;
  /** Spaces added at the start of each 0-based line (absent: none). */
  readonly pads: ReadonlyMap<number, number>;
}

const BLOCK_START = /(?:^\s*|:\s+|(?:^|\s)[?-]\s+|[&!]\S*\s+)$/;
const SPECIAL = new Set(['"', "'", '[', '{', ']', '}', '|', '>']);
const FLOW_START = /(?:[[{,]\s*|:\s+|^\s*)$/;

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && line[n] === ' ') n++;
  return n;
}

/** Column where the first node of a block line starts (after indentation and `- ` markers). */
function contentColumn(line: string): number {
  let col = leadingSpaces(line);
  while (line[col] === '-' && (line[col + 1] === ' ' || line[col + 1] === undefined)) {
    col += 1;
    while (line[col] === ' ') col++;
  }
  return col;
}

/**
 * PyYAML ignores indentation inside flow collections (`[...]`, `{...}`),
 * while the `yaml` package wants every continuation line indented deeper
 * than the enclosing block node. This pads such lines (which never changes
 * the value: line folding drops leading spaces) so both agree.
 *
 * Returns `undefined` when nothing had to change.
 */
export function relaxFlowIndent(source: string): RelaxedSource | undefined {
  const lines = source.split('\n');
  const pads = new Map<number, number>();
  let depth = 0;
  let quote: '"' | "'" | undefined;
  let minIndent = 0;
  let blockScalarIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const indent = leadingSpaces(line);
    if (blockScalarIndent !== undefined) {
      if (line.trim() === '' || indent > blockScalarIndent) continue;
      blockScalarIndent = undefined;
    }
    if ((depth > 0 || quote !== undefined) && line.trim() !== '' && indent < minIndent) {
      pads.set(i, minIndent - indent);
      line = ' '.repeat(minIndent - indent) + line;
      lines[i] = line;
    }
    const startDepth = depth;
    for (let c = 0; c < line.length; c++) {
      const ch = line[c]!;
      if (quote !== undefined) {
        if (quote === '"' && ch === '\\') c++;
        else if (ch === quote) {
          if (quote === "'" && line[c + 1] === "'") c++;
          else quote = undefined;
        }
        continue;
      }
      if (ch === '#' && (c === 0 || /\s/.test(line[c - 1]!))) break;
      if (!SPECIAL.has(ch)) continue;
      const before = line.slice(Math.max(0, c - 200), c);
      const atNode = (depth > 0 ? FLOW_START : BLOCK_START).test(c > 200 ? `x${before}` : before);
      if ((ch === '"' || ch === "'") && atNode) {
        quote = ch;
        continue;
      }
      if (ch === '[' || ch === '{') {
        if (depth > 0 || atNode) {
          if (depth === 0 && startDepth === 0) minIndent = contentColumn(line) + 1;
          depth++;
        }
      } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
      else if ((ch === '|' || ch === '>') && depth === 0 && atNode) {
        if (/^[|>][-+0-9]*\s*(?:#.*)?$/.test(line.slice(c))) blockScalarIndent = indent;
        break;
      }
    }
    if (depth === 0 && quote === undefined) minIndent = 0;
  }
  return pads.size === 0 ? undefined : { text: lines.join('\n'), pads };
}
