import { AddressInfo, createServer } from 'node:net';
import { SmsDeliveryError } from '../sms-delivery.error';

/** The SmsDeliveryError a send rejected with; fails the test on anything else. */
export async function smsFailureOf(promise: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  // No Jest globals here: this file is part of the production build (it is no *.spec.ts).
  if (!(error instanceof SmsDeliveryError)) {
    throw new Error(`Expected an SmsDeliveryError, got ${String(error)}`);
  }

  return error;
}

/** A port on 127.0.0.1 that was free a moment ago and has no listener now. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  return port;
}
