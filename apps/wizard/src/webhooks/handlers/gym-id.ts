import { isUuid } from '@app/common';

/** Our gym ids are uuids; metadata from elsewhere (`stripe trigger`) is not. */
export function isGymId(value: string | null | undefined): value is string {
  return typeof value === 'string' && isUuid(value);
}
