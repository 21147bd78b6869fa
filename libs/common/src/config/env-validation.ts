import type { z } from 'zod';

export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
}

/**
 * Builds the `validate` function of ConfigModule from a zod schema. The message names each
 * bad variable and what is wrong with it, never the value it holds.
 */
export function envValidator<Schema extends z.ZodType>(schema: Schema) {
  return (env: Record<string, unknown>): z.infer<Schema> => {
    // Without the input in each issue, a present value of the wrong type reads "is required".
    const result = schema.safeParse(env, { reportInput: true });
    if (result.success) {
      return result.data;
    }

    const problems = result.error.issues.map((issue) => {
      // The variable alone: a path into its parsed value (STRIPE_WEBHOOK_SECRET.0) says no more.
      const variable = String(issue.path[0] ?? '(environment)');

      return `  ${variable}: ${describeIssue(issue)}`;
    });

    throw new ConfigValidationError(`Invalid configuration:\n${problems.join('\n')}`);
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be a ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'invalid_format':
      return 'prefix' in issue
        ? `must start with ${String(issue.prefix)}`
        : `must be a valid ${issue.format}`;
    case 'too_small':
      return issue.inclusive === false
        ? `must be greater than ${String(issue.minimum)}`
        : `is too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return issue.inclusive === false
        ? `must be less than ${String(issue.maximum)}`
        : `is too big (maximum ${String(issue.maximum)})`;
    default:
      // Custom refinements write their own messages, and those never quote the value.
      return issue.message;
  }
}
