import { Inject, Injectable } from '@nestjs/common';
import {
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
      const keys: JWK[] = await Promise.all(
        publicKeysPem.map(async (pem) => exportJWK(await importSPKI(pem, TOKEN_ALGORITHM))),
      );

      return createLocalJWKSet({ keys });
    }

    if (jwksUrl) {
      return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000 });
    }

    throw new Error('Auth needs publicKeysPem or jwksUrl to verify tokens');
  }
}
