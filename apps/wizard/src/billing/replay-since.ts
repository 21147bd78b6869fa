import { InvalidRequestError } from '@app/common';

/** The `since` of a replay as a time: a valid moment, not in the future. */
export function replaySince(value: string, now = new Date()): Date {
  const since = new Date(value);
  if (Number.isNaN(since.getTime())) {
    throw new InvalidRequestError(`since "${value}" is not a time; use e.g. 2026-01-01T00:00:00Z.`);
  }
  if (since.getTime() > now.getTime()) {
    throw new InvalidRequestError('since is in the future: there are no events to replay yet.');
  }

  return since;
}
