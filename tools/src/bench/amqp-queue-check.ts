import { connect } from 'amqplib';

// The Wizard's email work queue; its name is fixed in apps/wizard/src/wizard.options.ts.
export const WIZARD_EMAIL_QUEUE = 'wizard.email';

const NOT_FOUND = 404;

/**
 * How many consumers the queue has on the broker. Another Wizard on the same broker (an e2e run)
 * would take the bench's jobs and the bench's worker would take its, so the bench refuses then.
 */
export async function consumersOf(url: string, queue: string): Promise<number> {
  const connection = await connect(url, { timeout: 3_000 });
  try {
    const channel = await connection.createChannel();
    // The broker closes the channel on a missing queue; checkQueue's rejection reports it.
    channel.on('error', () => undefined);

    return await channel.checkQueue(queue).then(
      (state) => state.consumerCount,
      (error: { code?: number }) => {
        if (error.code === NOT_FOUND) {
          return 0;
        }
        throw error;
      },
    );
  } finally {
    await connection.close();
  }
}
