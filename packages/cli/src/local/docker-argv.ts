// Upstream's conversion of a container to `docker run` (v2.16 `_docker/`): env, mounts, working
// dir, k8s resource limits as docker flags, ports, then `--entrypoint command[0] image rest...`.
import { cellText } from '../output/table';
import type { ContainerPlan } from './local-plan';

/** A bind mount. */
export interface DockerMount {
  readonly host: string;
  readonly container: string;
  readonly readOnly?: boolean;
}

function memory(value: unknown): string {
  const text = String(value);
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|K|M|G|T|k|m|g)?$/.exec(text);
  if (match === null) return text;
  const n = Number(match[1]);
  const unit = match[2] ?? '';
  const binary: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  const decimal: Record<string, number> = { K: 1e3, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  if (unit in binary) return unit === 'Ti' ? `${n * 1024}g` : `${n}${unit[0]!.toLowerCase()}`;
  if (unit in decimal) return `${Math.round(n * decimal[unit]!)}`;
  return unit === 'm' || unit === 'g' ? `${n}${unit}` : `${n}`;
}

function cpus(value: unknown): string {
  const text = String(value);
  return text.endsWith('m') ? `${Number(text.slice(0, -1)) / 1000}` : text;
}

/** `--cpus`, `--memory`, `--gpus` from the container's resource limits (requests when no limit). */
export function resourceFlags(resources: Readonly<Record<string, unknown>> | undefined): string[] {
  if (resources === undefined) return [];
  const limits = { ...((resources.requests as Record<string, unknown> | undefined) ?? {}), ...((resources.limits as Record<string, unknown> | undefined) ?? {}) };
  const flags: string[] = [];
  if (limits.cpu !== undefined) flags.push('--cpus', cpus(limits.cpu));
  if (limits.memory !== undefined) flags.push('--memory', memory(limits.memory));
  const gpu = limits['nvidia.com/gpu'] ?? limits.gpu ?? limits.gpus;
  if (gpu !== undefined) flags.push('--gpus', cellText(gpu));
  return flags;
}

/** The `docker` arguments (after the program name) that run one container. */
export function dockerArgv(container: ContainerPlan, options: { env: Readonly<Record<string, string>>; mounts: readonly DockerMount[]; name?: string }): string[] {
  const argv = ['run', '--rm'];
  if (options.name !== undefined) argv.push('--name', options.name);
  for (const [key, value] of Object.entries(options.env)) argv.push('-e', `${key}=${value}`);
  for (const mount of options.mounts) argv.push('-v', `${mount.host}:${mount.container}${mount.readOnly === true ? ':ro' : ''}`);
  if (container.workingDir !== undefined) argv.push('-w', container.workingDir);
  argv.push(...resourceFlags(container.resources));
  for (const port of container.ports) argv.push('-p', `${port}:${port}`);
  const [first, ...rest] = container.command;
  if (container.hasCommand && first !== undefined) argv.push('--entrypoint', first);
  argv.push(container.image ?? '');
  argv.push(...(container.hasCommand ? rest : container.command));
  return argv;
}

/** A shell-quoted command line, for `--dry-run`. */
export function shellLine(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}
