/** Waits for the work to settle, but no longer than `ms`; tells whether all of it did. */
export async function settleWithin(work: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });

  try {
    return await Promise.race([Promise.allSettled(work).then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
