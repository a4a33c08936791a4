import { GroupCommit } from './group-commit';

/** A write that records its batches and finishes only when told to. */
function recordingWrite() {
  const batches: number[][] = [];
  const pending: Array<() => void> = [];
  let failNext = false;
  const write = (rows: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(rows);
      if (failNext) {
        failNext = false;
        reject(new Error('disk full'));
      } else pending.push(resolve);
    });
  return {
    batches,
    write,
    finishAll: () => pending.splice(0).forEach((finish) => finish()),
    failNextWrite: () => (failNext = true),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('writes rows added in the same turn as one batch, and resolves each add only after the write', async () => {
    const w = recordingWrite();
    const group = new GroupCommit(w.write, 100);
    let settled = 0;
    const adds = [group.add([1]), group.add([2, 3]), group.add([4])].map((p) => p.then(() => settled++));
    await tick();
    expect(w.batches).toEqual([[1, 2, 3, 4]]);
    expect(settled).toBe(0);
    w.finishAll();
    await Promise.all(adds);
    expect(settled).toBe(3);
  });

  it('queues rows that arrive during a write for the next write', async () => {
    const w = recordingWrite();
    const group = new GroupCommit(w.write, 100);
    const first = group.add([1]);
    await tick();
    const second = group.add([2]);
    const third = group.add([3]);
    await tick();
    expect(w.batches).toEqual([[1]]);
    w.finishAll();
    await first;
    await tick();
    expect(w.batches).toEqual([[1], [2, 3]]);
    w.finishAll();
    await Promise.all([second, third]);
  });

  it('splits a batch into writes of at most maxRows', async () => {
    const w = recordingWrite();
    const group = new GroupCommit(w.write, 2);
    const done = group.add([1, 2, 3, 4, 5]);
    for (let i = 0; i < 3; i++) {
      await tick();
      w.finishAll();
    }
    await done;
    expect(w.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every add of a failed write, and goes on with the next batch', async () => {
    const w = recordingWrite();
    const group = new GroupCommit(w.write, 100);
    w.failNextWrite();
    const a = group.add([1]);
    const b = group.add([2]);
    await expect(a).rejects.toThrow('disk full');
    await expect(b).rejects.toThrow('disk full');
    const c = group.add([3]);
    await tick();
    w.finishAll();
    await expect(c).resolves.toBeUndefined();
    expect(w.batches).toEqual([[1, 2], [3]]);
  });
});
