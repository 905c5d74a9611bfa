import { execFile } from 'node:child_process';
import { readFileSync, statfsSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** One sample of system metrics, names as upstream (`load`, `cpu`, `memory`, `gpu_<i>_*`) plus px extensions. */
export type ResourceSample = [name: string, value: number][];

function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const cpu of cpus()) {
    const t = cpu.times;
    idle += t.idle;
    total += t.user + t.nice + t.sys + t.idle + t.irq;
  }
  return { idle, total };
}

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

function readNetBytes(): { rx: number; tx: number } | undefined {
  try {
    const text = readFileSync('/proc/net/dev', 'utf8');
    let rx = 0;
    let tx = 0;
    for (const line of text.split('\n').slice(2)) {
      const [iface, rest] = line.split(':');
      if (!rest || iface?.trim() === 'lo') continue;
      const cols = rest.trim().split(/\s+/).map(Number);
      rx += cols[0] ?? 0;
      tx += cols[8] ?? 0;
    }
    return { rx, tx };
  } catch {
    return undefined;
  }
}

/** Parses `nvidia-smi --query-gpu=index,memory.free,memory.used,utilization.gpu --format=csv,noheader,nounits`. */
export function parseNvidiaSmi(text: string): ResourceSample {
  const out: ResourceSample = [];
  for (const line of text.split('\n')) {
    const cols = line.split(',').map((c) => c.trim());
    if (cols.length < 4 || cols.some((c) => c === '' || Number.isNaN(Number(c)))) continue;
    const [index, free, used, util] = cols.map(Number) as [number, number, number, number];
    out.push([`gpu_${index}_memory_free`, free * 1048576], [`gpu_${index}_memory_used`, used * 1048576], [`gpu_${index}_utilization`, util]);
  }
  return out;
}

/**
 * Samples system metrics like upstream's psutil/NVML processors: `load`
 * (1-min load average), `cpu` (percent since the previous sample; the first
 * sample is 0 as with psutil), `memory` (percent used), per GPU
 * `gpu_<i>_memory_free|used` (bytes) and `gpu_<i>_utilization` (percent,
 * through `nvidia-smi` when present). px extensions: `disk` (percent used of
 * the artifacts file system), `network_rx`/`network_tx` (bytes per second, Linux).
 */
export class SystemResources {
  private lastCpu = cpuTimes();
  private lastNet = readNetBytes();
  private lastNetAt = Date.now();
  private gpu: boolean | undefined;

  constructor(private readonly diskPath: string) {}

  /**
   * Takes one sample of everything (GPU through `nvidia-smi`, asynchronously).
   *
   * @returns name/value pairs in upstream order
   */
  async sample(): Promise<ResourceSample> {
    return [...this.sampleSync(), ...(await this.sampleGpu())];
  }

  /**
   * Samples load, cpu, memory, disk and network synchronously (cheap).
   *
   * @returns name/value pairs in upstream order
   */
  sampleSync(): ResourceSample {
    const out: ResourceSample = [];
    const load = loadavg()[0];
    if (load !== undefined && process.platform !== 'win32') out.push(['load', load]);
    const cpu = cpuTimes();
    const total = cpu.total - this.lastCpu.total;
    const idle = cpu.idle - this.lastCpu.idle;
    this.lastCpu = cpu;
    out.push(['cpu', total > 0 ? round1(100 * (1 - idle / total)) : 0]);
    const mem = totalmem();
    out.push(['memory', round1(((mem - freemem()) / mem) * 100)]);
    try {
      const fs = statfsSync(this.diskPath);
      if (fs.blocks > 0) out.push(['disk', round1(((fs.blocks - fs.bavail) / fs.blocks) * 100)]);
    } catch {
      // The path may not exist yet.
    }
    const net = readNetBytes();
    const now = Date.now();
    if (net && this.lastNet && now > this.lastNetAt) {
      const seconds = (now - this.lastNetAt) / 1000;
      out.push(['network_rx', Math.round((net.rx - this.lastNet.rx) / seconds)], ['network_tx', Math.round((net.tx - this.lastNet.tx) / seconds)]);
    }
    this.lastNet = net;
    this.lastNetAt = now;
    return out;
  }

  /**
   * Samples GPUs through `nvidia-smi` (stops trying once it is missing).
   *
   * @returns GPU name/value pairs, empty without GPUs
   */
  async sampleGpu(): Promise<ResourceSample> {
    const out: ResourceSample = [];
    if (this.gpu !== false) {
      const text = await new Promise<string | undefined>((resolve) => {
        execFile(
          'nvidia-smi',
          ['--query-gpu=index,memory.free,memory.used,utilization.gpu', '--format=csv,noheader,nounits'],
          { timeout: 5000 },
          (error, stdout) => resolve(error ? undefined : stdout),
        );
      });
      if (text === undefined) this.gpu = false;
      else {
        this.gpu = true;
        out.push(...parseNvidiaSmi(text));
      }
    }
    return out;
  }
}
