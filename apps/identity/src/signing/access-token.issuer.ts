import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_TYPE, AccessTokenClaims, PlatformRole, TOKEN_ALGORITHM } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { SignJWT } from 'jose';
import { IdentityConfig } from '../config/identity-env';
import { SigningKey } from './signing-key';

export interface TokenSubject {
  id: string;
  email: string;
  roles: PlatformRole[];
}

export interface IssuedAccessToken {
  token: string;
  expiresIn: number;
}

/** Mints the access tokens that `AccessTokenVerifier` (every service) accepts. */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly config: ConfigService<IdentityConfig, true>,
  ) {}

  /** A token for the subject, naming the sign-in session it belongs to (`sid`). */
  async issue(subject: TokenSubject, sessionId: string): Promise<IssuedAccessToken> {
    const expiresIn = this.config.get('ACCESS_TOKEN_TTL_SECONDS', { infer: true });
    const issuedAt = Math.floor(Date.now() / 1000);
    const claims: AccessTokenClaims = {
      sub: subject.id,
      email: subject.email,
      roles: subject.roles,
      typ: ACCESS_TOKEN_TYPE,
      sid: sessionId,
    };

    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: this.key.kid })
      .setIssuer(this.config.get('JWT_ISSUER', { infer: true }))
      .setAudience(this.config.get('JWT_AUDIENCE', { infer: true }))
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresIn)
      .setJti(randomUUID())
      .sign(this.key.privateKey);

    return { token, expiresIn };
  }
}
