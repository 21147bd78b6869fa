import { reconnectDelayMs } from './reconnect-backoff';

describe('reconnectDelayMs', () => {
  const backoff = { initialDelayMs: 100, maxDelayMs: 1_000 };
  const highest = () => 1;
  const lowest = () => 0;

  it('doubles with each attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => reconnectDelayMs(attempt, backoff, highest))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never exceeds the cap', () => {
    expect(reconnectDelayMs(5, backoff, highest)).toBe(1_000);
    expect(reconnectDelayMs(60, backoff, highest)).toBe(1_000);
  });

  it('keeps the jitter in the upper half of the delay', () => {
    expect(reconnectDelayMs(3, backoff, lowest)).toBe(200);
    expect(reconnectDelayMs(3, backoff, () => 0.5)).toBe(300);
  });
});
