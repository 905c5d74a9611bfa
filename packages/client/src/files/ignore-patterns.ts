import { PolyaxonClientException } from '../errors/client-error';

/** Patterns never uploaded with a run folder (offline records, indexes, the local cache); they win over `!` lines. */
export const ALWAYS_IGNORED = ['*.plx.json', '*.plx.index', '.polyaxon/', '.polyaxonignore'];

const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

function escapeChar(c: string): string {
  return c.replace(SPECIAL, '\\$&');
}

/** One path segment of a glob as a regex: `*` and `?` stay inside the segment, `[...]` classes as fnmatch. */
function segmentSource(segment: string): string {
  if (segment === '*') return '[^/]+';
  let out = '';
  for (let i = 0; i < segment.length; ) {
    const c = segment[i++]!;
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      let j = i;
      if (segment[j] === '!') j++;
      if (segment[j] === ']') j++;
      while (j < segment.length && segment[j] !== ']') j++;
      if (j >= segment.length) {
        out += '\\[';
        continue;
      }
      let body = segment.slice(i, j).replace(/\\/g, '\\\\');
      i = j + 1;
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      else if (body.startsWith('^')) body = `\\${body}`;
      out += `[${body}]`;
    } else out += escapeChar(c);
  }
  return out;
}

/**
 * The regex source of one `.polyaxonignore` pattern, with upstream's rules:
 * a pattern matches at any depth unless it starts with `/`; `**` between
 * slashes spans folders and a leading `**\/` is the same as none; a trailing
 * `/` matches folders only; otherwise a trailing `/` on the path is allowed.
 */
function patternSource(glob: string): string {
  let pattern = glob;
  let out = '';
  if (pattern.startsWith('**/')) {
    pattern = pattern.slice(2);
    out += '(?:.*/)?';
  }
  if (pattern.startsWith('/')) pattern = pattern.slice(1);
  else out += '(?:.*/)?';
  pattern.split('/').forEach((segment, index) => {
    if (segment === '**') out += '(?:/.*)?';
    else out += (index > 0 ? '/' : '') + segmentSource(segment);
  });
  if (!pattern.endsWith('/')) out += '/?';
  return `^${out}$`;
}

/** Drops trailing spaces unless the last one is escaped (`\ `), then unescapes `\ `. */
function trimTrailingSpaces(line: string): string {
  let out = line;
  while (out.endsWith(' ') && !out.endsWith('\\ ')) out = out.slice(0, -1);
  return out.replace(/\\ /g, ' ');
}

/** A compiled ignore rule. */
interface Rule {
  readonly regex: RegExp;
  /** `false` for a `!` line: a match includes the path again. */
  readonly ignore: boolean;
}

/**
 * A `.polyaxonignore` matcher with upstream's rules
 * (`polyaxon/_managers/ignore.py`): one glob per line; empty lines and lines
 * starting with `#` are skipped; trailing spaces are dropped unless escaped
 * (`\ `), leading spaces are kept; `!` re-includes what earlier lines
 * ignored (`\!` and `\#` start a literal pattern); the last matching line
 * decides; `*`, `?` and `[abc]`/`[!abc]` classes match inside one path
 * segment; `**` spans folders; a pattern matches at any depth unless it
 * starts with `/` (then it is anchored at the upload root); a trailing `/`
 * matches folders only; matching ignores case.
 */
export class IgnoreMatcher {
  readonly #rules: Rule[] = [];

  /**
   * @param patterns - The lines of a `.polyaxonignore` file, in order.
   * @throws {@link PolyaxonClientException} naming the line when a pattern is not a valid glob (`[z-a]`)
   */
  constructor(patterns: Iterable<string>) {
    let lineNo = 0;
    for (const raw of patterns) {
      lineNo++;
      const line = raw.replace(/[\r\n]+$/, '');
      if (line === '' || line.startsWith('#')) continue;
      let pattern = trimTrailingSpaces(line);
      let ignore = true;
      if (pattern.startsWith('!')) {
        ignore = false;
        pattern = pattern.slice(1);
      } else if (pattern.startsWith('\\')) pattern = pattern.slice(1);
      let regex: RegExp;
      try {
        regex = new RegExp(patternSource(pattern), 'is');
      } catch (error) {
        throw new PolyaxonClientException(`Invalid .polyaxonignore pattern on line ${lineNo}: \`${line}\` (${(error as Error).message}).`, { cause: error });
      }
      this.#rules.push({ regex, ignore });
    }
  }

  /**
   * Whether a path is ignored: the last matching line decides.
   *
   * @param relPath - The path relative to the upload root, with `/`.
   * @param isDir - Whether it is a folder (matched with a trailing `/`).
   */
  ignores(relPath: string, isDir: boolean): boolean {
    const path = isDir ? `${relPath.replace(/\/+$/, '')}/` : relPath;
    let ignored = false;
    for (const rule of this.#rules) if (rule.regex.test(path)) ignored = rule.ignore;
    return ignored;
  }
}
