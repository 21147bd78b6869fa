import { retryDelayMs } from './identity-sync-backoff';

describe('retryDelayMs', () => {
  const options = { baseMs: 1_000, capMs: 60_000 };
  const noJitter = () => 0;

  it('doubles from the base at each attempt', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelayMs(attempts, options, noJitter))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
  });

  it('stays at the cap however many attempts failed', () => {
    expect(retryDelayMs(7, options, noJitter)).toBe(60_000);
    expect(retryDelayMs(5_000, options, noJitter)).toBe(60_000);
  });

  it('takes off at most a fifth as jitter', () => {
    expect(retryDelayMs(1, options, () => 1)).toBe(800);
    expect(retryDelayMs(1, options, () => 0.5)).toBe(900);
  });
});
