/**
 * Group commit: rows that arrive while a write is in flight wait and go together in the next
 * one, so under load N concurrent reads cost one INSERT and one commit instead of N. Each `add`
 * resolves only once its rows are committed (and rejects if that write fails): nobody goes on
 * before their rows are safe, so nothing is lost on a crash. With no load a row is written at
 * once (after the current tick), alone.
 */
export class GroupCommit<Row> {
  private waiting: { rows: Row[]; done: Array<{ resolve: () => void; reject: (error: unknown) => void }> } = {
    rows: [],
    done: [],
  };
  private writing = false;

  constructor(
    private readonly write: (rows: Row[]) => Promise<void>,
    private readonly maxRows: number,
  ) {}

  add(rows: Row[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.rows.push(...rows);
      this.waiting.done.push({ resolve, reject });
      // Rows of requests handled in this same turn of the event loop join the first write too.
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.done.length) {
      const batch = this.waiting;
      this.waiting = { rows: [], done: [] };
      try {
        for (let i = 0; i < batch.rows.length; i += this.maxRows)
          await this.write(batch.rows.slice(i, i + this.maxRows));
        for (const d of batch.done) d.resolve();
      } catch (error) {
        for (const d of batch.done) d.reject(error);
      }
    }
    this.writing = false;
  }
}
