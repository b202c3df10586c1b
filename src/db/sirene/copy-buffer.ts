// COPY text lines written straight into bytes. A line built by a template literal is a tree of
// small strings; kept in an array until the batch is sent, ten thousand of them outlived the
// young generation and the garbage collector copied them again and again (a third of the
// import's JavaScript time). Written here at once, each line dies young.

export class CopyBuffer {
  /** The bytes; a writer of its own (establishment-bytes.ts) writes at `used` and moves it on. */
  buf: Buffer;
  /** Bytes written. */
  used = 0;
  /** Lines in the buffer. */
  lines = 0;
  /** Bytes given back by `reuse`, written into again after the next `take`. */
  private spare: Buffer | undefined;

  constructor(private readonly size = 4 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Whether a line of this many characters surely fits (UTF-8: at most 3 bytes a UTF-16 unit). */
  fits(line: string): boolean {
    return this.used + line.length * 3 <= this.buf.length;
  }

  /** Bytes free. */
  free(): number {
    return this.buf.length - this.used;
  }

  /** Appends one line (the caller sends the buffer first when it does not fit). */
  add(line: string): void {
    if (!this.fits(line)) {
      // Only a line longer than the whole buffer gets here: grow, keeping what is written.
      const bigger = Buffer.allocUnsafe(this.used + line.length * 3);
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(line, this.used);
    this.lines++;
  }

  /**
   * Gives back bytes of `take` that nobody reads any more (their COPY is done): a new 4 MB
   * buffer per COPY made the garbage collector run for the external memory.
   */
  reuse(bytes: Uint8Array): void {
    if (bytes.byteOffset === 0 && bytes.buffer.byteLength === this.size) {
      this.spare = Buffer.from(bytes.buffer, 0, this.size);
    }
  }

  /** The bytes written so far; the buffer starts again empty (the bytes handed over stay valid). */
  take(): Uint8Array {
    const out = this.buf.subarray(0, this.used);
    this.buf = this.spare ?? Buffer.allocUnsafe(this.size);
    this.spare = undefined;
    this.used = 0;
    this.lines = 0;
    return out;
  }
}
