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
      requiredClaims: ['sub', 'exp', 'iat', 'typ'],
    }).catch((error: unknown) => {
      if (isTokenRefusal(error)) {
        throw new AppError('unauthorized', INVALID_TOKEN);
      }
      // The issuer's keys could not be fetched: the token may be fine, so no 401.
      throw new AppError('unavailable', 'Access tokens cannot be checked right now; retry later.');
    });

    if (payload.typ !== ACCESS_TOKEN_TYPE || typeof payload.sub !== 'string') {
      throw new AppError('unauthorized', 'This token is not an access token.');
    }

    return userOf(payload, payload.sub);
  }

  private loadKeySet(): Promise<JWTVerifyGetKey> {
    this.keySet ??= createKeySet(this.options);

    return this.keySet;
  }
}

function userOf(payload: JWTPayload, id: string): AuthenticatedUser {
  const roles = Array.isArray(payload.roles) ? payload.roles : [];

  return {
    id,
    email: typeof payload.email === 'string' ? payload.email : '',
    roles: roles.filter(isPlatformRole),
    sessionId: typeof payload.sid === 'string' ? payload.sid : undefined,
  };
}

function isPlatformRole(value: unknown): value is PlatformRole {
  return PLATFORM_ROLES.includes(value as PlatformRole);
}
