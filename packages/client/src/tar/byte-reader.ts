/** Pulls exact byte counts out of a stream of chunks without buffering more than one chunk. */
export class ByteReader {
  readonly #iterator: AsyncIterator<Buffer | Uint8Array | string>;
  #head: Buffer = Buffer.alloc(0);
  #done = false;

  constructor(source: AsyncIterable<Buffer | Uint8Array | string>) {
    this.#iterator = source[Symbol.asyncIterator]();
  }

  async #pull(): Promise<boolean> {
    if (this.#done) return false;
    const next = await this.#iterator.next();
    if (next.done === true) {
      this.#done = true;
      return false;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    this.#head = this.#head.length === 0 ? chunk : Buffer.concat([this.#head, chunk]);
    return true;
  }

  /** Reads exactly `n` bytes; fewer only at the end of the stream. */
  async read(n: number): Promise<Buffer> {
    while (this.#head.length < n && (await this.#pull()));
    const out = this.#head.subarray(0, n);
    this.#head = this.#head.subarray(out.length);
    return out;
  }

  /** Yields the next `n` bytes in chunks (no copy of the whole range). */
  async *chunks(n: number): AsyncGenerator<Buffer> {
    let remaining = n;
    while (remaining > 0) {
      if (this.#head.length === 0 && !(await this.#pull())) return;
      const take = this.#head.subarray(0, Math.min(remaining, this.#head.length));
      this.#head = this.#head.subarray(take.length);
      remaining -= take.length;
      yield take;
    }
  }

  /** Discards `n` bytes. */
  async skip(n: number): Promise<void> {
    for await (const _chunk of this.chunks(n)) {
      // discard
    }
  }

  /** Releases the source. */
  async close(): Promise<void> {
    await this.#iterator.return?.();
  }
}
