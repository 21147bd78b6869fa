import { AsyncLocalStorage } from 'node:async_hooks';
import { PassLoop } from './pass-loop';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pass that takes `ms` and counts itself. */
function countingLoop(options: { passMs: number; intervalMs: number; coalesceMs?: number }) {
  const passes: number[] = [];
  const loop = new PassLoop({
    pass: async () => {
      passes.push(Date.now());
      await sleep(options.passMs);
    },
    intervalMs: options.intervalMs,
    coalesceMs: options.coalesceMs,
  });

  return { loop, passes };
}

describe('PassLoop', () => {
  it('runs a pass at start and one more after a pass that was kicked meanwhile', async () => {
    const { loop, passes } = countingLoop({ passMs: 30, intervalMs: 60_000 });

    loop.start();
    loop.kick();
    loop.kick();
    await sleep(100);
    await loop.stop();

    expect(passes).toHaveLength(2);
  });

  it('lets kicks within the coalescing window share one pass', async () => {
    const { loop, passes } = countingLoop({ passMs: 1, intervalMs: 60_000, coalesceMs: 20 });

    loop.start();
    for (let kick = 0; kick < 10; kick += 1) {
      loop.kick();
    }
    await sleep(60);
    await loop.stop();

    expect(passes).toHaveLength(1);
  });

  it('runs a pass every interval without a kick', async () => {
    const { loop, passes } = countingLoop({ passMs: 1, intervalMs: 20 });

    loop.start();
    await sleep(110);
    await loop.stop();

    expect(passes.length).toBeGreaterThanOrEqual(3);
  });

  it('waits for the running pass on stop, and starts none after it', async () => {
    const { loop, passes } = countingLoop({ passMs: 40, intervalMs: 5 });

    loop.start();
    await sleep(5);
    const stopping = loop.stop();
    expect(loop.stopping).toBe(true);
    loop.kick();
    await stopping;
    await sleep(30);

    expect(passes).toHaveLength(1);
  });

  it("runs passes in the context of start, not in a kicking request's", async () => {
    const context = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const loop = new PassLoop({
      pass: async () => {
        seen.push(context.getStore());
      },
      intervalMs: 60_000,
    });

    context.run('bootstrap', () => loop.start());
    await sleep(5);
    context.run('request-1', () => loop.kick());
    await sleep(5);
    await loop.stop();

    expect(seen).toEqual(['bootstrap', 'bootstrap']);
  });
});
