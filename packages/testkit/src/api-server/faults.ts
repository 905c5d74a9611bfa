/** A failure to inject into matching requests (for retry tests). */
export interface Fault {
  /** Path to match: a RegExp tested against `pathname?query`, or a substring of it. Any path when omitted. */
  path?: RegExp | string;
  /** HTTP method to match (any when omitted). */
  method?: string;
  /**
   * - `drop`: destroy the connection without answering;
   * - `status`: answer `status` (default 503) with a JSON `{"detail": ...}` body;
   * - `slow`: wait `delayMs` (default 1000) then handle the request normally.
   */
  kind: 'drop' | 'status' | 'slow';
  /** Status for `kind: 'status'` (500, 502, 503, 429, ...). */
  status?: number;
  /** How many matching requests this fault applies to (default 1; `Infinity` for all). */
  times?: number;
  /** Delay for `kind: 'slow'`, in milliseconds. */
  delayMs?: number;
  /** Seconds sent in a `Retry-After` header with `kind: 'status'`. */
  retryAfter?: number;
}

/** The faults of a server, consumed in the order they were set. */
export interface FaultController {
  /** Adds a fault (several may be pending; the first that matches is used). */
  set(fault: Fault): void;
  /** Removes every pending fault. */
  clear(): void;
  /** Pending faults with their remaining counts. */
  readonly pending: readonly Readonly<Fault & { remaining: number }>[];
  /** How many requests were hit by a fault so far. */
  readonly triggered: number;
}

interface PendingFault extends Fault {
  remaining: number;
}

function matches(fault: Fault, method: string, target: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? target.includes(fault.path) : fault.path.test(target);
}

/** The fault registry behind `server.faults`. */
export class FaultRegistry implements FaultController {
  private readonly faults: PendingFault[] = [];
  private hits = 0;

  set(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new RangeError('fault.times must be a positive number');
    this.faults.push({ ...fault, remaining: times });
  }

  clear(): void {
    this.faults.length = 0;
  }

  get pending(): readonly Readonly<PendingFault>[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  get triggered(): number {
    return this.hits;
  }

  /** Consumes and returns the first fault matching a request, if any. */
  take(method: string, target: string): Fault | undefined {
    const index = this.faults.findIndex((fault) => matches(fault, method, target));
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    this.hits += 1;
    return fault;
  }
}
