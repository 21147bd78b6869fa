import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentityConfig } from '../config/identity-env';
import { RefreshToken } from './refresh-token.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Opaque refresh tokens: 32 random bytes for the caller, their SHA-256 for us. */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>,
    private readonly config: ConfigService<IdentityConfig, true>,
  ) {}

  async issue(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const ttlDays = this.config.get('REFRESH_TOKEN_TTL_DAYS', { infer: true });

    await this.tokens.insert({
      userId,
      tokenHash: hashOf(token),
      expiresAt: new Date(Date.now() + ttlDays * DAY_MS),
    });

    return token;
  }

  /**
   * Spends a live token and returns its user id. One statement marks it used, so of two
   * requests presenting the same token at once only one gets a new pair.
   */
  async spend(token: string): Promise<string | undefined> {
    const result = await this.tokens
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()' })
      .where('token_hash = :hash AND revoked_at IS NULL AND expires_at > now()', {
        hash: hashOf(token),
      })
      .returning(['userId'])
      .execute();
    const rows = result.raw as Array<{ user_id: string }>;

    return rows[0]?.user_id;
  }
}

function hashOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
