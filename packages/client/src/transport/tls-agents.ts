import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { PolyaxonClientException } from '../errors/client-error';

/** TLS and pool settings for one client's connection pool. */
export interface AgentOptions {
  /** Verify the server certificate (default true). */
  verifySsl: boolean;
  /** Path of a PEM CA bundle that replaces the system CAs. */
  sslCaCert?: string | undefined;
  /** Path of a PEM client certificate. */
  certFile?: string | undefined;
  /** Path of the PEM key of {@link AgentOptions.certFile}. */
  keyFile?: string | undefined;
  /** Check that the certificate matches the host name (default true). */
  assertHostname?: boolean | undefined;
  /** Maximum sockets per origin. */
  maxSockets?: number | undefined;
}

/** One keep-alive pool for plain HTTP and one for HTTPS. */
export interface Agents {
  readonly http: http.Agent;
  readonly https: https.Agent;
  /** Closes every pooled socket. */
  destroy(): void;
}

function readPem(path: string | undefined, what: string): Buffer | undefined {
  if (path === undefined || path === '') return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new PolyaxonClientException(`Could not read the ${what} file \`${path}\`: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Creates the keep-alive agents of a client with its TLS options applied:
 * custom CA, client certificate and key, verification on or off.
 *
 * @throws {@link PolyaxonClientException} when a certificate file cannot be read
 */
export function createAgents(options: AgentOptions): Agents {
  const maxSockets = options.maxSockets ?? 10;
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets });
  const httpsAgent = new https.Agent({
    keepAlive: true,
    maxSockets,
    rejectUnauthorized: options.verifySsl,
    ca: readPem(options.sslCaCert, 'CA certificate (sslCaCert)'),
    cert: readPem(options.certFile, 'client certificate (certFile)'),
    key: readPem(options.keyFile, 'client key (keyFile)'),
    ...(options.assertHostname === false ? { checkServerIdentity: () => undefined } : {}),
  });
  return {
    http: httpAgent,
    https: httpsAgent,
    destroy() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
