import type { TransformFnParams } from 'class-transformer';

/** Trims strings before validation; anything else is left for the validators to refuse. */
export function trimmed({ value }: TransformFnParams): unknown {
  return typeof value === 'string' ? value.trim() : value;
}
