import { PolyaxonfileError } from '../errors';
import type { SpecIssue } from '../errors';
import { summarize } from '../validate/validate-schema';
import { MAX_SOURCE_LENGTH, parseJson, parseYaml } from '../yaml/parse-yaml';
import type { SourceDocument } from '../yaml/parse-yaml';

// Bytes to text, refusing invalid UTF-8 as upstream does (Python's strict 'utf-8' codec raises where a
// lenient decoder would put U+FFFD and read on). Browser-safe: TextDecoder only.

const FATAL = new TextDecoder('utf-8', { fatal: true });

/** Where the first invalid sequence starts and why, in the words of Python's codec. */
function firstInvalid(bytes: Uint8Array): { at: number; reason: string } {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let size: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) size = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      size = 3;
      if (b === 0xe0) low = 0xa0; // overlong
      if (b === 0xed) high = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      size = 4;
      if (b === 0xf0) low = 0x90; // overlong
      if (b === 0xf4) high = 0x8f; // above U+10FFFF
    } else return { at: i, reason: 'invalid start byte' };
    for (let k = 1; k < size; k++) {
      if (i + k >= bytes.length) return { at: i, reason: 'unexpected end of data' };
      const c = bytes[i + k]!;
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return { at: i, reason: 'invalid continuation byte' };
    }
    i += size;
  }
  return { at: bytes.length, reason: 'unexpected end of data' };
}

/** 0-based line and column of the end of `text`, counting line breaks as the YAML reader does. */
function endOf(text: string): { line: number; column: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || ch === '\x85' || ch === '\u2028' || ch === '\u2029' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: text.length - start };
}

/**
 * Decodes a Polyaxonfile's bytes as UTF-8, refusing invalid sequences (as upstream does) instead of
 * replacing them with U+FFFD.
 *
 * @param bytes - the file's content
 * @param file - the file or URL, named in the error
 * @returns the text
 * @throws {@link PolyaxonfileError} (stage `yaml`) naming the file, line and column of the first invalid byte
 */
export function decodeUtf8(bytes: Uint8Array, file?: string): string {
  try {
    return FATAL.decode(bytes);
  } catch {
    const { at, reason } = firstInvalid(bytes);
    const { line, column } = endOf(FATAL.decode(bytes.subarray(0, at)));
    const byte = `#x${bytes[at]!.toString(16).padStart(2, '0')}`;
    const message = `'utf-8' codec can't decode byte ${byte}: ${reason}`;
    const issue: SpecIssue = { path: [], message, line: line + 1, column: column + 1, expected: 'UTF-8 text', received: `byte ${byte} at offset ${at}`, ...(file === undefined ? {} : { file }) };
    throw new PolyaxonfileError(summarize('Received an invalid yaml stream', [issue]), { stage: 'yaml', issues: [issue] });
  }
}

/**
 * Parses a Polyaxonfile's bytes: strict UTF-8, then JSON (`json`) or YAML.
 *
 * @param bytes - the content
 * @param file - the file or URL, named in errors
 * @param json - read as JSON
 * @returns the document
 * @throws {@link PolyaxonfileError} (stage `yaml`) for invalid UTF-8, YAML or JSON, or content over the size limit
 */
export function parseBytes(bytes: Uint8Array, file?: string, json = false): SourceDocument {
  // Bytes more than three times the limit cannot decode to fewer characters than it: refuse before decoding.
  const text = bytes.length > 3 * MAX_SOURCE_LENGTH ? ' '.repeat(MAX_SOURCE_LENGTH + 1) : decodeUtf8(bytes, file);
  return json ? parseJson(text, file) : parseYaml(text, file);
}
