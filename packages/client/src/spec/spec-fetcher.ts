import type { PolyaxonClient } from '../client/polyaxon-client';
import { PolyaxonClientException } from '../errors/client-error';
import { loadPolyaxonfile } from './load-polyaxonfile';

/** Reads the Polyaxonfiles `checkPolyaxonfile` fetches (URLs and hub components). */
export interface SpecFetcher {
  /** Returns the Polyaxonfile text at `url`. */
  readonly fetchText: (url: string) => Promise<string>;
  /** What the client threw when a hub call to the API failed (an `ApiError` or `ApiConnectionError`), if one did. */
  readonly apiFailure: unknown;
}

/** Path of a hub component version: `/api/v1/{owner}/{name}/versions/component/{version}`. */
const HUB_VERSION_PATH = /\/api\/v1\/[^/?#]+\/[^/?#]+\/versions\/component\/[^/?#]+$/;

/**
 * The API path of `url` when it is a hub component version on `host`
 * (where the client's token and TLS settings apply), else `undefined`.
 *
 * @param url - a URL `checkPolyaxonfile` wants to read
 * @param host - the client's host
 * @returns the path to request through the client, e.g. `/api/v1/acme/trainer/versions/component/v1`
 */
export function hubPathOnHost(url: string, host: string): string | undefined {
  const base = host.replace(/\/+$/, '');
  if (!url.startsWith(`${base}/api/v1/`)) return undefined;
  const path = url.slice(base.length);
  return HUB_VERSION_PATH.test(path) ? path : undefined;
}

/**
 * The Polyaxonfile held by a project version answer (its `content`).
 *
 * @throws {@link PolyaxonClientException} when the version has no content
 */
function versionContent(version: unknown, url: string): string {
  const content = typeof version === 'object' && version !== null ? (version as { content?: unknown }).content : undefined;
  if (typeof content === 'string' && content.trim() !== '') return content;
  throw new PolyaxonClientException(`The component version \`${url}\` has no content.`);
}

/** The `content` of a hub answer read as text (the text itself when it is not JSON). */
function hubAnswerContent(text: string, url: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  return versionContent(parsed, url);
}

async function fetchPlain(url: string, timeoutSeconds: number): Promise<string> {
  try {
    const response = await fetch(url, timeoutSeconds > 0 ? { signal: AbortSignal.timeout(timeoutSeconds * 1000) } : {});
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new PolyaxonClientException(`Could not read \`${url}\`: HTTP ${response.status}.`);
    }
    // Inside the try: the timeout also covers a body that stalls.
    return await response.text();
  } catch (error) {
    if (error instanceof PolyaxonClientException) throw error;
    // The reader that needs this text is @px/polyaxonfile, so it is installed: its wording names the cause.
    const { fetchFailureCause } = await loadPolyaxonfile('specFetcher');
    throw new PolyaxonClientException(`Could not read \`${url}\`: ${fetchFailureCause(error, timeoutSeconds)}.`, { cause: error });
  }
}

/**
 * A `fetchText` for `checkPolyaxonfile`, as upstream reads specs: hub
 * components on the client's host are read through the client (with its
 * token and TLS settings, upstream's `PolyaxonClient()`), other URLs with
 * a plain unauthenticated `fetch`. For hub component versions (on any
 * host) the version's `content` is returned.
 *
 * @param client - the run's client
 * @returns the fetcher; read `apiFailure` after a failed check
 */
export function specFetcher(client: PolyaxonClient): SpecFetcher {
  let apiFailure: unknown;
  const fetchText = async (url: string): Promise<string> => {
    const path = hubPathOnHost(url, client.config.host);
    if (path !== undefined) {
      let version: unknown;
      try {
        version = await client.request('GET', path);
      } catch (error) {
        apiFailure = error;
        throw error;
      }
      return versionContent(version, url);
    }
    const text = await fetchPlain(url, client.config.timeout);
    return HUB_VERSION_PATH.test(new URL(url).pathname) ? hubAnswerContent(text, url) : text;
  };
  return {
    fetchText,
    get apiFailure(): unknown {
      return apiFailure;
    },
  };
}
