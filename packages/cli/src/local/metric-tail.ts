// Follows one metric event file as it grows (`step|timestamp|metric` header, then `\n`-prefixed rows,
// as `@px/tracking` and upstream's tracking append them): each read parses only the bytes appended
// since the previous one, so watching a long run costs what it logs, not its whole history.
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import type { MetricValue } from './stopping-policies';

/** The values of one metric file, read incrementally. */
export class MetricTail {
  /** The values read so far, in file order. */
  readonly values: MetricValue[] = [];
  private offset = 0;
  private pending = '';
  private header = true;
  private rows = 0;
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly file: string) {}

  /**
   * Reads what was appended. While the file is being written its last row may be cut short, so it is
   * kept until the next row starts; `final` (the writer ended) takes it too. A missing file reads as empty.
   */
  async read(final = false): Promise<void> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch {
      return; // nothing logged yet
    }
    try {
      const { size } = await handle.stat();
      if (size > this.offset) {
        const buffer = Buffer.alloc(size - this.offset);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, this.offset);
        this.offset += bytesRead;
        this.pending += this.decoder.write(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
    const lines = this.pending.split('\n');
    this.pending = final ? '' : lines.pop()!;
    for (const line of lines) this.take(line);
  }

  private take(line: string): void {
    if (this.header) {
      this.header = false;
      return;
    }
    const fields = line.split('|');
    if (fields.length < 3 || fields[2] === '') return;
    const step = fields[0] === '' ? this.rows : Number(fields[0]);
    this.rows += 1;
    if (Number.isFinite(step)) this.values.push({ step, value: Number(fields[2]) });
  }
}
