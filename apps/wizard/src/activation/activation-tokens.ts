import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { preparedStatement, runPrepared } from '@app/database';
import { EntityManager } from 'typeorm';
import type { WizardConfig } from '../config/wizard-env';

/** Parameters: id, gym, token hash, expiry. */
export const INSERT_ACTIVATION_TOKEN = preparedStatement(
  'activation_tokens.insert',
  'INSERT INTO activation_tokens (id, gym_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)',
);

export interface IssuedActivationToken {
  id: string;
  token: string;
  expiresAt: Date;
}

// 256 random bits, sent base64url in the link.
const TOKEN_BYTES = 32;

export const hashActivationToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

@Injectable()
export class ActivationTokens {
  private readonly ttlMs: number;

  constructor(config: ConfigService<WizardConfig, true>) {
    this.ttlMs = config.get('ACTIVATION_TOKEN_TTL_HOURS', { infer: true }) * 3_600_000;
  }

  async issue(manager: EntityManager, gymId: string): Promise<IssuedActivationToken> {
    const token = this.create();
    await this.save(manager, gymId, token);

    return token;
  }

  /** A token with its row id made here, so its email can be written beside it, not after it. */
  create(): IssuedActivationToken {
    return {
      id: randomUUID(),
      token: randomBytes(TOKEN_BYTES).toString('base64url'),
      expiresAt: new Date(Date.now() + this.ttlMs),
    };
  }

  async save(manager: EntityManager, gymId: string, token: IssuedActivationToken): Promise<void> {
    await runPrepared(manager, INSERT_ACTIVATION_TOKEN, [
      token.id,
      gymId,
      hashActivationToken(token.token),
      token.expiresAt,
    ]);
  }
}
