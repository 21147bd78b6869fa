import { InvalidQueueConfigError } from './job-queue.errors';
import {
  assertValidPrefetch,
  assertValidQueueDefinition,
  pickRetryDelay,
  sameQueueDefinition,
} from './queue-definition';

describe('pickRetryDelay', () => {
  const queue = { name: 'email', retryDelaysMs: [60_000, 1_000, 10_000] };

  it.each([
    [1, 1_000],
    [1_000, 1_000],
    [1_001, 10_000],
    [10_000, 10_000],
    [30_000, 60_000],
  ])('sends a retry of %i ms to the %i ms queue (smallest at least as long)', (asked, tier) => {
    expect(pickRetryDelay(queue, asked)).toBe(tier);
  });

  it('sends a retry longer than every tier to the longest one', () => {
    expect(pickRetryDelay(queue, 3_600_000)).toBe(60_000);
  });

  it('sends a zero or negative retry to the shortest tier', () => {
    expect(pickRetryDelay(queue, 0)).toBe(1_000);
    expect(pickRetryDelay(queue, -5)).toBe(1_000);
  });
});

describe('assertValidQueueDefinition', () => {
  it('accepts a name with positive integer delays', () => {
    expect(() => assertValidQueueDefinition({ name: 'email', retryDelaysMs: [100] })).not.toThrow();
  });

  it.each([
    ['an empty name', { name: ' ', retryDelaysMs: [100] }],
    ['no retry delay', { name: 'email', retryDelaysMs: [] }],
    ['a zero delay', { name: 'email', retryDelaysMs: [0] }],
    ['a fractional delay', { name: 'email', retryDelaysMs: [1.5] }],
  ])('refuses %s', (_label, queue) => {
    expect(() => assertValidQueueDefinition(queue)).toThrow(InvalidQueueConfigError);
  });
});

describe('assertValidPrefetch', () => {
  it.each([0, -1, 1.5, 70_000])('refuses %p', (prefetch) => {
    expect(() => assertValidPrefetch(prefetch)).toThrow(InvalidQueueConfigError);
  });

  it('accepts 1 and 10', () => {
    expect(() => assertValidPrefetch(1)).not.toThrow();
    expect(() => assertValidPrefetch(10)).not.toThrow();
  });
});

describe('sameQueueDefinition', () => {
  it('ignores the order of the delays', () => {
    const a = { name: 'email', retryDelaysMs: [100, 200] };

    expect(sameQueueDefinition(a, { name: 'email', retryDelaysMs: [200, 100] })).toBe(true);
    expect(sameQueueDefinition(a, { name: 'email', retryDelaysMs: [100] })).toBe(false);
  });
});
