import { stripAnsi } from './style';

// East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15 (UAX #11), merged.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x2329, 0x232a], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693], [0x26a1, 0x26a1],
  [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce], [0x26d4, 0x26d4], [0x26ea, 0x26ea],
  [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa], [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b],
  [0x2728, 0x2728], [0x274c, 0x274c], [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797],
  [0x27b0, 0x27b0], [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0x303e],
  [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf], [0xa960, 0xa97f], [0xac00, 0xd7a3],
  [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x16fe0, 0x16fe4],
  [0x17000, 0x18cd5], [0x1aff0, 0x1b2fb], [0x1f004, 0x1f004], [0x1f0cf, 0x1f0cf], [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a], [0x1f200, 0x1f251], [0x1f300, 0x1f64f], [0x1f680, 0x1f6ff], [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], [0x1fa70, 0x1faff], [0x20000, 0x2fffd], [0x30000, 0x3fffd],
];

function isWide(code: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = WIDE[mid]!;
    if (code < start) hi = mid - 1;
    else if (code > end) lo = mid + 1;
    else return true;
  }
  return false;
}

// Built on first use: an `Intl.Segmenter` and Unicode property regexes load ICU data, which costs more
// than the rest of `px check`'s start-up; plain ASCII never needs them.
let unicode: { readonly zeroWidth: RegExp; readonly pictographic: RegExp; readonly segmenter: Intl.Segmenter } | undefined;

function unicodeTools(): NonNullable<typeof unicode> {
  unicode ??= {
    zeroWidth: /^[\p{Mn}\p{Me}\p{Cf}\u200b\u{e0000}-\u{e007f}]+$/u,
    pictographic: /\p{Extended_Pictographic}/u,
    segmenter: new Intl.Segmenter(undefined, { granularity: 'grapheme' }),
  };
  return unicode;
}

function graphemes(text: string): string[] {
  return Array.from(unicodeTools().segmenter.segment(text), (s) => s.segment);
}

/** Display columns of one grapheme cluster: 0 (marks, zero-width), 2 (wide, emoji) or 1. */
function clusterWidth(cluster: string): number {
  const first = cluster.codePointAt(0)!;
  if (first < 0x20 || (first >= 0x7f && first < 0xa0)) return 0;
  if (first < 0x300) return 1;
  const { zeroWidth, pictographic } = unicodeTools();
  if (zeroWidth.test(cluster)) return 0;
  if (isWide(first)) return 2;
  // text-default pictographs become emoji (2 columns) with VS16 or in a ZWJ sequence
  if (pictographic.test(cluster) && (cluster.includes('\ufe0f') || cluster.includes('\u200d'))) return 2;
  // a pair of regional indicators is a flag
  if (first >= 0x1f1e6 && first <= 0x1f1ff) return 2;
  return 1;
}

/**
 * How many terminal columns `text` takes: ANSI codes take none, combining
 * marks and zero-width characters none, CJK and emoji two.
 *
 * @example
 * ```ts
 * displayWidth('日本'); // 4
 * displayWidth('e\u0301'); // 1
 * ```
 */
export function displayWidth(text: string): number {
  const plain = stripAnsi(text);
   
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  let width = 0;
  for (const segment of graphemes(plain)) width += clusterWidth(segment);
  return width;
}

/** Cuts `text` to at most `width` columns, ending with `…` when it was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const segment of graphemes(text)) {
    const w = clusterWidth(segment);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** Pads `text` with spaces to `width` display columns. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
