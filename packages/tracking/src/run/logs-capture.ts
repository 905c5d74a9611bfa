import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { formatIsoDateTime, nowMicros } from '../serialization/py-datetime';
import { compactJson } from '@px/client';

type Write = typeof process.stdout.write;

interface LogLine {
  micros: number;
  value: string;
}

/**
 * Captures the process's stdout and stderr lines (output stays visible) and
 * writes them to `<run>/plxlogs/<epoch seconds of the last line>` as
 * `{"logs":[{"timestamp","node","pod","container","value"}]}`, like
 * upstream's tracking log capture for new online runs.
 */
export class LogsCapture {
  private readonly lines: LogLine[] = [];
  private readonly partial = { stdout: '', stderr: '' };
  private readonly originals: { stdout: Write; stderr: Write };
  private readonly node: string;
  private readonly pod: string;
  private readonly container: string;
  private stopped = false;

  constructor(
    private readonly runPath: string,
    env: Readonly<Record<string, string | undefined>>,
  ) {
    this.node = env.POLYAXON_K8S_NODE_NAME ?? 'local';
    let user = env.USER ?? '';
    try {
      user = userInfo().username;
    } catch {
      // keep USER
    }
    this.pod = env.POLYAXON_K8S_POD_ID ?? user;
    this.container = hostname();
    this.originals = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
    process.stdout.write = this.wrap('stdout');
    process.stderr.write = this.wrap('stderr');
  }

  private wrap(stream: 'stdout' | 'stderr'): Write {
    const original = this.originals[stream];
    return ((chunk: unknown, ...rest: unknown[]) => {
      try {
        const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : '';
        this.take(stream, text);
      } catch {
        // Capturing must never break the application's output.
      }
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    });
  }

  private take(stream: 'stdout' | 'stderr', text: string): void {
    const parts = (this.partial[stream] + text).split('\n');
    this.partial[stream] = parts.pop() ?? '';
    const micros = nowMicros();
    for (const part of parts) {
      const value = part.trimEnd();
      if (value !== '') this.lines.push({ micros, value });
    }
  }

  /** Writes buffered lines into a new `plxlogs/<ts>` file. */
  flush(): void {
    if (this.lines.length === 0) return;
    const lines = this.lines.splice(0);
    const logs = lines.map((l) => ({
      timestamp: formatIsoDateTime({ epochMicros: l.micros, offsetMinutes: 0 }),
      node: this.node,
      pod: this.pod,
      container: this.container,
      value: l.value,
    }));
    const last = lines[lines.length - 1]!.micros;
    const name = `${Math.floor(last / 1e6)}.${`${last % 1e6}`.padStart(6, '0')}`;
    const dir = join(this.runPath, 'plxlogs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), compactJson({ logs }), { mode: 0o644 });
  }

  /** Restores stdout/stderr and writes what is left (including an unterminated last line). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    process.stdout.write = this.originals.stdout;
    process.stderr.write = this.originals.stderr;
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.partial[stream].trimEnd();
      if (rest !== '') this.lines.push({ micros: nowMicros(), value: rest });
      this.partial[stream] = '';
    }
    this.flush();
  }
}
