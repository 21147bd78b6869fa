const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our gym ids are uuids; metadata from elsewhere (`stripe trigger`) is not. */
export function isGymId(value: string | null | undefined): value is string {
  return typeof value === 'string' && UUID.test(value);
}
