import { paint, type Tone } from './output/style';
import { redact } from './redact';

/** A minimal writable text stream (process.stdout/stderr satisfy it). */
export interface TextSink {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Where a command reads and writes, plus the terminal facts that decide colours and progress bars. */
export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** Reads one line from the user; `undefined` when stdin is not interactive or closed. */
  readonly prompt: (question: string, options?: { hidden?: boolean }) => Promise<string | undefined>;
  /** Colours allowed on stdout (see {@link colorAllowed}). */
  readonly color: boolean;
  /** Colours allowed on stderr. */
  readonly colorErr: boolean;
  /** Progress bars allowed: stderr is a TTY and not in CI. */
  readonly progress: boolean;
}

/**
 * Whether colours may be used on a stream, in this order: never with
 * `--no-color` (`noColorFlag`); always with `FORCE_COLOR` (non-empty, not
 * `0`/`false`, as Node reads it); never with `NO_COLOR` (any non-empty
 * value) or `TERM=dumb`; otherwise only on a TTY.
 */
export function colorAllowed(sink: TextSink, env: Readonly<Record<string, string | undefined>>, noColorFlag = false): boolean {
  if (noColorFlag) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force.toLowerCase() !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return sink.isTTY === true;
}

/** Whether progress bars may be drawn: a TTY on stderr and not in CI. */
export function progressAllowed(sink: TextSink, env: Readonly<Record<string, string | undefined>>): boolean {
  if (sink.isTTY !== true) return false;
  const ci = env.CI;
  return ci === undefined || ci === '' || ci === '0' || ci.toLowerCase() === 'false';
}

/** Line printer bound to an {@link CliIo}: results on stdout, warnings and errors on stderr. */
export class Printer {
  constructor(private readonly io: CliIo) {}

  /** Prints a line on stdout as is. */
  line(text = ''): void {
    this.io.stdout.write(`${text}\n`);
  }

  /** Prints a styled line on stdout. */
  styled(text: string, tone: Tone): void {
    this.line(this.io.color ? paint(text, tone) : text);
  }

  /** A success line (green on a TTY). */
  success(text: string): void {
    this.styled(text, 'success');
  }

  /** A header line (yellow on a TTY). */
  header(text: string): void {
    this.styled(text, 'header');
  }

  /** An informational line (cyan on a TTY). */
  info(text: string): void {
    this.styled(text, 'info');
  }

  /** A warning on stderr (magenta on a TTY). */
  warning(text: string): void {
    const safe = redact(text);
    this.io.stderr.write(`${this.io.colorErr ? paint(safe, 'warning') : safe}\n`);
  }

  /** An error line on stderr (red on a TTY). */
  error(text: string): void {
    const safe = redact(text);
    this.io.stderr.write(`${this.io.colorErr ? paint(safe, 'error') : safe}\n`);
  }
}
