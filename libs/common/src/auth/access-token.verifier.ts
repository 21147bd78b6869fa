import { Inject, Injectable } from '@nestjs/common';
import { JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors/app-error';
import {
  ACCESS_TOKEN_TYPE,
  AuthenticatedUser,
  PLATFORM_ROLES,
  PlatformRole,
  TOKEN_ALGORITHM,
} from './access-token';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';
import { createKeySet } from './key-set';
import { isTokenRefusal } from './token-refusal';

const INVALID_TOKEN = 'The access token is invalid or has expired.';
// Clocks of the issuer and of this service may differ by this much.
const ISSUED_AHEAD_TOLERANCE_S = 60;

/**
 * Accepts only ES256 access tokens of the configured issuer and audience, signed by a key the
 * issuer serves (any of them while keys rotate), and not expired.
 */
@Injectable()
export class AccessTokenVerifier {
  private keySet?: Promise<JWTVerifyGetKey>;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  async verify(token: string): Promise<AuthenticatedUser> {
    const keySet = await this.loadKeySet();

    const { payload } = await jwtVerify(token, keySet, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      // Pinned: never "none", never an HMAC keyed with the public key.
      algorithms: [TOKEN_ALGORITHM],
      requiredClaims: ['sub', 'exp', 'iat', 'typ', 'sid'],
    }).catch((error: unknown) => {
      if (isTokenRefusal(error)) {
        throw new AppError('unauthorized', INVALID_TOKEN);
      }
      // The issuer's keys could not be fetched: the token may be fine, so no 401.
      throw new AppError('unavailable', 'Access tokens cannot be checked right now; retry later.');
    });

    if (
      payload.typ !== ACCESS_TOKEN_TYPE ||
      typeof payload.sub !== 'string' ||
      typeof payload.sid !== 'string'
    ) {
      throw new AppError('unauthorized', 'This token is not an access token.');
    }
    // Identity never dates a token ahead; one that is was not made by it as it should be.
    if ((payload.iat ?? 0) > Date.now() / 1000 + ISSUED_AHEAD_TOLERANCE_S) {
      throw new AppError('unauthorized', INVALID_TOKEN);
    }

    return userOf(payload, payload.sub, payload.sid);
  }

  private loadKeySet(): Promise<JWTVerifyGetKey> {
    this.keySet ??= createKeySet(this.options);

    return this.keySet;
  }
}

function userOf(payload: JWTPayload, id: string, sessionId: string): AuthenticatedUser {
  const roles = Array.isArray(payload.roles) ? payload.roles : [];

  return {
    id,
    email: typeof payload.email === 'string' ? payload.email : '',
    roles: roles.filter(isPlatformRole),
    sessionId,
  };
}

function isPlatformRole(value: unknown): value is PlatformRole {
  return PLATFORM_ROLES.includes(value as PlatformRole);
}
