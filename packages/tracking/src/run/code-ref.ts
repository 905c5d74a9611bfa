import { execFileSync } from 'node:child_process';

/** A git code reference: `{commit, branch, url}` as upstream's `get_code_reference`. */
export interface CodeRef {
  /** The HEAD commit sha. */
  commit: string;
  /** The current branch (`HEAD` when detached). */
  branch?: string;
  /** The `origin` remote as an https URL, without credentials. */
  url?: string;
}

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'], timeout: 3000, encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Normalises a git remote to an https URL: `git@host:a/b.git` →
 * `https://host/a/b`; credentials in https URLs are removed.
 *
 * @param remote - the remote URL
 * @returns the https URL
 */
export function normaliseRemote(remote: string): string {
  const scp = /^[\w.-]+@([^:/]+):(.+?)(\.git)?$/.exec(remote);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    url.username = '';
    url.password = '';
    let text = url.toString();
    if (url.protocol === 'ssh:' || url.protocol === 'git:') text = `https://${url.host}${url.pathname}`;
    return text.replace(/\.git$/, '').replace(/\/$/, '');
  } catch {
    return remote.replace(/\.git$/, '');
  }
}

/**
 * Detects the git code reference of `cwd`, or `undefined` outside a repository
 * or without git.
 *
 * @param cwd - the working directory (default `process.cwd()`)
 * @returns the code reference
 */
export function getCodeRef(cwd: string = process.cwd()): CodeRef | undefined {
  const commit = git(['rev-parse', 'HEAD'], cwd);
  if (!commit) return undefined;
  const branch = git(['rev-parse', '--abbrev-ref', 'HEAD'], cwd);
  const remote = git(['config', '--get', 'remote.origin.url'], cwd);
  return { commit, ...(branch ? { branch } : {}), ...(remote ? { url: normaliseRemote(remote) } : {}) };
}
