import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PolyaxonClient, type ClientConfig, type PolyaxonClientOptions } from '../../src/index';

/** A fresh temp dir. */
export function tempDir(prefix = 'px-client-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A client isolated from the machine's ~/.polyaxon and env. */
export function isolatedClient(config: Partial<ClientConfig> = {}, options: Omit<PolyaxonClientOptions, 'config' | 'context'> = {}, env: Record<string, string> = {}): PolyaxonClient {
  const home = tempDir('px-home-');
  return new PolyaxonClient({
    token: 'secret-token-123',
    ...options,
    config: { retryDelay: 0.01, offlineRoot: join(home, 'offline'), archivesRoot: join(home, 'archives'), ...config },
    context: { env, homeDir: home, cwd: home, fsRoot: home },
  });
}
