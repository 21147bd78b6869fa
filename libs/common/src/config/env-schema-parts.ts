import { z } from 'zod';

/** Reusable pieces of the per-app environment schemas. */
export const port = (fallback: number) =>
  z.coerce.number().int().min(1).max(65535).default(fallback);

export const optionalUrl = z.url().optional();

/** Connections each copy of a service keeps to PostgreSQL. */
export const databasePoolSize = z.coerce.number().int().min(1).max(100).default(10);

export const commaSeparated = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0),
);

export const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

export const nodeEnv = z.enum(['development', 'test', 'production']).default('development');

export const logLevel = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');
