import type { Readable } from 'node:stream';

/** The client went away (or the connection broke) before the whole body had arrived. */
export class UploadInterruptedError extends Error {
  constructor() {
    super('The upload was interrupted before the end of the file.');
  }
}

/**
 * Pulls a request body chunk by chunk, pausing the socket between pulls, so a slow consumer
 * (the database) slows the upload down instead of buffering it. `discard()` lets the rest of
 * the body flow away unread, so an answer can still be sent after an early error.
 */
export class BodyReader {
  private readonly queue: Buffer[] = [];
  private ended = false;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private discarding = false;

  constructor(private readonly body: Readable) {
    body.on('data', (chunk: Buffer) => {
      if (this.discarding) return;
      this.queue.push(chunk);
      body.pause();
      this.notify();
    });
    body.on('end', () => {
      this.ended = true;
      this.notify();
    });
    body.on('error', () => this.fail());
    body.on('close', () => {
      if (!this.ended) this.fail();
    });
    if (body.readableEnded) this.ended = true;
  }

  /** The next chunk, or null at the end of the body. Throws UploadInterruptedError. */
  async next(): Promise<Buffer | null> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) return chunk;
      if (this.failure) throw this.failure;
      if (this.ended) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.body.resume();
      });
    }
  }

  /** Stops reading: whatever else arrives is dropped. */
  discard(): void {
    this.discarding = true;
    this.queue.length = 0;
    this.body.resume();
  }

  private fail(): void {
    if (!this.ended && !this.failure) this.failure = new UploadInterruptedError();
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
