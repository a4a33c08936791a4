import { secondsToWait } from './sign-in-throttle';

describe('secondsToWait (sliding window over two fixed windows)', () => {
  it('lets attempts through while the estimate is within the budget', () => {
    expect(secondsToWait({ current: 1, previous: 0, elapsed: 0 }, 1)).toBe(0);
    expect(secondsToWait({ current: 200, previous: 0, elapsed: 59 }, 200)).toBe(0);
    // Half of the previous window still counts half a minute in.
    expect(secondsToWait({ current: 100, previous: 200, elapsed: 30 }, 200)).toBe(0);
  });

  it('sends a full current window to the next window', () => {
    expect(secondsToWait({ current: 201, previous: 0, elapsed: 15 }, 200)).toBe(45);
    expect(secondsToWait({ current: 500, previous: 0, elapsed: 59.5 }, 200)).toBe(1);
  });

  it('has no burst at a window edge: a full previous window still counts at the start of the next', () => {
    expect(secondsToWait({ current: 1, previous: 200, elapsed: 0 }, 200)).toBeGreaterThan(0);
    expect(secondsToWait({ current: 101, previous: 200, elapsed: 29 }, 200)).toBeGreaterThan(0);
  });

  it('waits until the previous window has faded enough for one more attempt', () => {
    // 200 before, 50 now: 50 + 200·(1 − t/60) ≤ 200 from t = 15 s; 10 s in, 5 s to go.
    expect(secondsToWait({ current: 50, previous: 200, elapsed: 10 }, 200)).toBe(5);
    expect(secondsToWait({ current: 50, previous: 200, elapsed: 15 }, 200)).toBe(0);
  });
});
