import { ContextError } from './context-error';

/** Why `text` is not a usable API host, or `undefined` when it is. */
function hostProblem(text: string): string | undefined {
  if (text.trim() === '') return 'it is empty';
  if (/\s/.test(text)) return 'it contains whitespace';
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(text)?.[1];
  if (scheme === undefined || !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) return 'it has no scheme; write it as http://HOST[:PORT] or https://HOST[:PORT]';
  if (!['http', 'https'].includes(scheme.toLowerCase())) return `the scheme \`${scheme}\` is not supported; use http:// or https://`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const port = /^[^:]+:\/\/(?:[^@/]*@)?(?:\[[^\]]*\]|[^:/?#]*):([^/?#]*)/.exec(text)?.[1];
    if (port !== undefined && port !== '') return `the port \`${port}\` is not a number between 1 and 65535`;
    return 'it is not a valid URL';
  }
  if (url.hostname === '') return 'it has no host name';
  if (url.port === '0') return 'the port `0` is not a number between 1 and 65535';
  if (url.search !== '' || url.hash !== '') return 'it has a query or fragment';
  return undefined;
}

/**
 * Checks an API host before it is saved: an `http://` or `https://` URL with
 * a host name and, when given, a port between 1 and 65535 (a path prefix is
 * kept). Trailing slashes are dropped, as upstream does.
 *
 * @param text - The host as typed (`--host`, `POLYAXON_HOST` ...).
 * @param where - What gave it, named in the error (`--host`).
 * @returns The host without trailing slashes.
 * @throws {@link ContextError} saying why the host is refused (passwords in it are masked).
 *
 * @example
 * ```ts
 * validateHost('https://polyaxon.example.com/', '--host'); // 'https://polyaxon.example.com'
 * validateHost('ftp://x', '--host'); // throws: the scheme `ftp` is not supported
 * ```
 */
export function validateHost(text: string, where: string): string {
  const problem = hostProblem(text);
  if (problem !== undefined) {
    const shown = text.replace(/^([^:/]+:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
    throw new ContextError(`Invalid value for '${where}': \`${shown}\` is not a Polyaxon host URL: ${problem}.`);
  }
  return text.replace(/\/+$/, '');
}
