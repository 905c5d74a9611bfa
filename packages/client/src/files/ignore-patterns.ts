/** Patterns never uploaded with a run folder (offline records, indexes, the local cache). */
export const ALWAYS_IGNORED = ['*.plx.json', '*.plx.index', '.polyaxon/', '.polyaxonignore'];

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        out += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** A compiled ignore rule. */
interface Rule {
  regex: RegExp;
  anchored: boolean;
  dirOnly: boolean;
}

/**
 * A `.polyaxonignore`-style matcher: one glob per line, `#` comments,
 * trailing `/` for folders only, leading `/` anchors to the root, `**`
 * spans folders. (Negation with `!` is not supported and such lines are ignored.)
 */
export class IgnoreMatcher {
  readonly #rules: Rule[] = [];

  constructor(patterns: Iterable<string>) {
    for (const raw of patterns) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
      const dirOnly = line.endsWith('/');
      let pattern = dirOnly ? line.slice(0, -1) : line;
      const anchored = pattern.startsWith('/') || pattern.includes('/');
      pattern = pattern.replace(/^\/+/, '').replace(/^\.\//, '');
      if (pattern === '') continue;
      this.#rules.push({ regex: globToRegExp(pattern), anchored, dirOnly });
    }
  }

  /** Whether the relative path (with `/`) is ignored. */
  ignores(relPath: string, isDir: boolean): boolean {
    const base = relPath.slice(relPath.lastIndexOf('/') + 1);
    for (const rule of this.#rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.anchored ? rule.regex.test(relPath) : rule.regex.test(base)) return true;
    }
    return false;
  }
}
