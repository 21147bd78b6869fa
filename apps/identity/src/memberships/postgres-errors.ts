import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

/** The unique index that refused a row, when one did. */
export function violatedUniqueIndex(error: unknown): string | undefined {
  return codeOf(error) === UNIQUE_VIOLATION ? constraintOf(error) : undefined;
}

export function isForeignKeyViolation(error: unknown): boolean {
  return codeOf(error) === FOREIGN_KEY_VIOLATION;
}

function codeOf(error: unknown): string | undefined {
  return error instanceof QueryFailedError
    ? (error.driverError as { code?: string } | undefined)?.code
    : undefined;
}

function constraintOf(error: unknown): string | undefined {
  return ((error as QueryFailedError).driverError as { constraint?: string } | undefined)
    ?.constraint;
}
