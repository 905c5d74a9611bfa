import type { CommandContext } from '../command-context';
import { UsageError } from '../errors';

/** Why px leaves a command to the Python CLI, by its top-level name (or `ops shell`/`ops exec`). */
const REASONS: Readonly<Record<string, string>> = {
  'ops shell': 'it opens a Kubernetes exec session into the run’s container',
  'ops exec': 'it runs a command through a Kubernetes exec session in the run’s container',
  admin: 'it deploys and manages Polyaxon on a Kubernetes cluster with Helm',
  sandbox: 'it talks to the sandbox agent of a run inside the cluster',
  ssh: 'it opens SSH sessions and tunnels into sandbox runs inside the cluster',
  'port-forward': 'it forwards a local port to the Polyaxon service through kubectl',
  upgrade: 'it upgrades the Python package; update px with `npm install -g @px/cli@latest`',
};

/** The reason px gives for `path`, if it is a command left to the Python CLI. */
export function upstreamOnlyReason(path: readonly string[]): string | undefined {
  return REASONS[path.slice(0, 2).join(' ')] ?? REASONS[path[0] ?? ''];
}

/**
 * Commands that need a Kubernetes cluster (or Python packaging): px names
 * the upstream command to use instead and exits 2, with the arguments as given.
 */
export function upstreamOnly(ctx: CommandContext): Promise<number> {
  const command = ['polyaxon', ...ctx.path, ...ctx.args].map((a) => (/^[\w./:=@-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  const reason = upstreamOnlyReason(ctx.path) ?? 'it needs a Kubernetes cluster';
  throw new UsageError(`\`px ${ctx.path.join(' ')}\` is not available in px: ${reason}.`, {
    details: [`Use the Python CLI instead (pip install polyaxon): ${command}`],
  });
}
