import { AppError } from '@app/common';
import type { ExecutionContext } from '@nestjs/common';
import type { ConfigService } from '@nestjs/config';
import type { IdentityConfig } from '../config/identity-env';
import { INTERNAL_TOKEN_HEADER, InternalTokenGuard } from './internal-token.guard';

const TOKEN = 'a-service-token-of-at-least-32-characters';

function guardWith(token: string | undefined): InternalTokenGuard {
  const config = { get: () => token } as unknown as ConfigService<IdentityConfig, true>;

  return new InternalTokenGuard(config);
}

function requestWith(headers: Record<string, string>): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => ({ headers }) }),
  } as unknown as ExecutionContext;
}

function refusal(guard: InternalTokenGuard, headers: Record<string, string>): AppError {
  try {
    guard.canActivate(requestWith(headers));
  } catch (error) {
    if (error instanceof AppError) {
      return error;
    }
    throw error;
  }

  throw new Error('The request was let through');
}

describe('InternalTokenGuard', () => {
  it('lets the configured token through', () => {
    expect(guardWith(TOKEN).canActivate(requestWith({ [INTERNAL_TOKEN_HEADER]: TOKEN }))).toBe(
      true,
    );
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { [INTERNAL_TOKEN_HEADER]: `${TOKEN.slice(0, -1)}X` }],
    ['a longer token', { [INTERNAL_TOKEN_HEADER]: `${TOKEN}${TOKEN}` }],
    ['the token as a bearer', { authorization: `Bearer ${TOKEN}` }],
  ])('refuses %s as unauthorized, without echoing it', (_case, headers) => {
    const error = refusal(guardWith(TOKEN), headers);

    expect(error.kind).toBe('unauthorized');
    expect(error.message).not.toContain(TOKEN);
  });

  it('refuses every call as unavailable while INTERNAL_API_TOKEN is not set', () => {
    expect(refusal(guardWith(undefined), { [INTERNAL_TOKEN_HEADER]: '' }).kind).toBe('unavailable');
  });
});
