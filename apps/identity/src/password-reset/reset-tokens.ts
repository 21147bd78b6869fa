import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager, IsNull } from 'typeorm';
import type { IdentityConfig } from '../config/identity-env';
import { PasswordResetToken } from './password-reset-token.entity';

export interface IssuedResetToken {
  id: string;
  /** For the email only; the database keeps its hash. */
  token: string;
  expiresAt: Date;
}

// 256 random bits, base64url: 43 characters, no dots, so never mistaken for a JWT.
const TOKEN_BYTES = 32;

export const RESET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const hashResetToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

@Injectable()
export class ResetTokens {
  private readonly ttlMs: number;

  constructor(config: ConfigService<IdentityConfig, true>) {
    this.ttlMs = config.get('PASSWORD_RESET_TOKEN_TTL_MINUTES', { infer: true }) * 60_000;
  }

  /** Voids the account's live link, if any, then issues a new one. Lock the user's row first. */
  async issue(manager: EntityManager, userId: string): Promise<IssuedResetToken> {
    await this.voidLiveTokensOf(manager, userId);

    const token = randomBytes(TOKEN_BYTES).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlMs);
    const inserted = await manager.insert(PasswordResetToken, {
      userId,
      tokenHash: hashResetToken(token),
      expiresAt,
    });

    return { id: String(inserted.identifiers[0].id), token, expiresAt };
  }

  private async voidLiveTokensOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(
      PasswordResetToken,
      { userId, usedAt: IsNull(), voidedAt: IsNull() },
      { voidedAt: () => 'now()' },
    );
  }
}
