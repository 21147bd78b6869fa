/** The error a promise rejected with, when it is of the expected class; throws otherwise. */
export async function rejectionOf<ErrorType extends Error>(
  promise: Promise<unknown>,
  expected: new (...args: never[]) => ErrorType,
): Promise<ErrorType> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof expected)) {
    throw new Error(`Expected a ${expected.name}, got ${String(error)}`);
  }

  return error;
}
