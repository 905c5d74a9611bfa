const decoder = new TextDecoder();

/**
 * A WHATWG `Response` whose body is a buffer already in memory (a small API
 * answer). It is a real `Response` (`instanceof`, `status`, `ok`, `headers`,
 * `statusText`) built without a body stream: `text()`, `json()`,
 * `arrayBuffer()` and `bytes()` read the buffer directly, which spares the
 * stream that `new Response(bytes)` sets up and drains on every call. The
 * stream is made only when `body` (or `blob()`/`formData()`) is asked for.
 * Reading twice fails with a `TypeError`, as with any `Response`.
 */
export class BufferedResponse extends Response {
  readonly #bytes: Uint8Array;
  readonly #init: ResponseInit;
  readonly #url: string;
  #used = false;
  /** The stream-backed twin, made on first use of `body`, `blob()` or `formData()`. */
  #full: Response | undefined;

  constructor(bytes: Uint8Array, init: ResponseInit, url: string) {
    super(null, init);
    this.#bytes = bytes;
    this.#init = init;
    this.#url = url;
  }

  /** The URL the response came from. */
  override get url(): string {
    return this.#url;
  }

  /** The body as a stream (made on first access). */
  override get body(): Response['body'] {
    return this.#stream().body;
  }

  /** Whether the body was read. */
  override get bodyUsed(): boolean {
    return this.#full === undefined ? this.#used : this.#full.bodyUsed;
  }

  /** The body decoded as UTF-8 (a leading BOM dropped). */
  override async text(): Promise<string> {
    if (this.#full !== undefined) return this.#full.text();
    return decoder.decode(this.#take());
  }

  /** The body parsed as JSON. */
  override async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  /** A copy of the body. */
  override async arrayBuffer(): Promise<ArrayBuffer> {
    if (this.#full !== undefined) return this.#full.arrayBuffer();
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** A copy of the body as bytes. */
  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await this.arrayBuffer());
  }

  /** The body as a `Blob`. */
  override async blob(): Promise<Blob> {
    return this.#stream().blob();
  }

  /** The body parsed as form data. */
  override async formData(): Promise<FormData> {
    return this.#stream().formData();
  }

  /** An unread copy; fails with a `TypeError` once the body was read. */
  override clone(): Response {
    if (this.#full !== undefined) return this.#full.clone();
    if (this.#used) throw new TypeError('Response.clone: Body has already been consumed.');
    return new BufferedResponse(this.#bytes, { ...this.#init, headers: new Headers(this.headers) }, this.#url);
  }

  #take(): Uint8Array {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    return this.#bytes;
  }

  #stream(): Response {
    if (this.#full === undefined) {
      const full = new Response(this.#bytes.slice(), { status: this.status, statusText: this.statusText, headers: this.headers });
      // A body already read stays read.
      if (this.#used) void full.arrayBuffer();
      this.#full = full;
    }
    return this.#full;
  }
}
