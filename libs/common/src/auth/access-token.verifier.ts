import { Inject, Injectable } from '@nestjs/common';
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  importSPKI,
  JWK,
  jwtVerify,
  JWTVerifyGetKey,
} from 'jose';
import { AppError } from '../errors/app-error';
import { ACCESS_TOKEN_TYPE, AuthenticatedUser, TOKEN_ALGORITHM } from './access-token';
import { AUTH_OPTIONS, AuthOptions } from './auth.options';

@Injectable()
export class AccessTokenVerifier {
  private keySet?: Promise<JWTVerifyGetKey>;

  constructor(@Inject(AUTH_OPTIONS) private readonly options: AuthOptions) {}

  async verify(token: string): Promise<AuthenticatedUser> {
    const keySet = await this.loadKeySet();

    const { payload } = await jwtVerify(token, keySet, {
      issuer: this.options.issuer,
      audience: this.options.audience,
      algorithms: [TOKEN_ALGORITHM],
      requiredClaims: ['sub', 'exp', 'typ'],
    }).catch(() => {
      throw new AppError('unauthorized', 'The access token is invalid or has expired.');
    });

    if (payload.typ !== ACCESS_TOKEN_TYPE || typeof payload.sub !== 'string') {
      throw new AppError('unauthorized', 'This token is not an access token.');
    }

    return {
      id: payload.sub,
      email: typeof payload.email === 'string' ? payload.email : '',
      roles: Array.isArray(payload.roles) ? payload.roles : [],
    };
  }

  private loadKeySet(): Promise<JWTVerifyGetKey> {
    this.keySet ??= this.createKeySet();

    return this.keySet;
  }

  private async createKeySet(): Promise<JWTVerifyGetKey> {
    const { publicKeysPem, jwksUrl } = this.options;

    if (publicKeysPem && publicKeysPem.length > 0) {
      const keys = await Promise.all(publicKeysPem.map(verificationKeyOf));

      return createLocalJWKSet({ keys });
    }

    if (jwksUrl) {
      return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000 });
    }

    throw new Error('Auth needs publicKeysPem or jwksUrl to verify tokens');
  }
}

/**
 * A token's `kid` header must match the key's `kid`, or the key set finds no key. Identity
 * names each key by its RFC 7638 thumbprint, which anyone holding the public key can derive.
 */
async function verificationKeyOf(pem: string): Promise<JWK> {
  const jwk = await exportJWK(await importSPKI(pem, TOKEN_ALGORITHM));

  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: TOKEN_ALGORITHM, use: 'sig' };
}
