import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { WizardConfig } from '../config/wizard-env';

/** The header Identity reads the service token from (its InternalTokenGuard). */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

// Identity's error messages are short; a longer body is cut to keep last_error readable.
const MAX_REASON_LENGTH = 300;

/** A call that did not end in a 2xx; the message is safe to store and log. */
export class IdentityCallError extends Error {
  override readonly name = 'IdentityCallError';
}

export interface IdentityCallOptions {
  token: string;
  timeoutMs: number;
  /** Aborts the call when the relay stops. */
  signal: AbortSignal;
}

/** Identity's internal API, as the Wizard calls it. */
@Injectable()
export class IdentityClient {
  private readonly baseUrl: string;

  constructor(config: ConfigService<WizardConfig, true>) {
    this.baseUrl = config.get('IDENTITY_URL', { infer: true }).replace(/\/$/, '');
  }

  async setGymOwner(gymId: string, userId: string, options: IdentityCallOptions): Promise<void> {
    const url = `${this.baseUrl}/internal/gyms/${encodeURIComponent(gymId)}/owner`;

    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: options.token },
      body: JSON.stringify({ userId }),
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.signal]),
    }).catch((error: unknown) => {
      throw new IdentityCallError(`Identity is unreachable: ${reasonOf(error)}`);
    });

    if (!response.ok) {
      const body = await response.text().catch(() => '');
      throw new IdentityCallError(
        `Identity answered ${response.status}: ${messageOf(body)}`.slice(0, MAX_REASON_LENGTH),
      );
    }
  }
}

/**
 * fetch says only "fetch failed"; the cause (ECONNREFUSED, a timeout) is what helps. Read
 * without `instanceof`, which fails for errors made in another realm (undici's, under Jest).
 */
function reasonOf(error: unknown): string {
  const { name, message, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };

  if (typeof cause?.code === 'string') {
    return cause.code;
  }
  if (typeof cause?.message === 'string') {
    return cause.message;
  }

  return typeof message === 'string' ? `${String(name)}: ${message}` : String(error);
}

function messageOf(body: string): string {
  const parsed = parseJson(body) as { message?: unknown } | undefined;

  return typeof parsed?.message === 'string' ? parsed.message : body;
}

/** A proxy in between may answer in HTML; that is a reason to keep as text, not a failure. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) {
      return undefined;
    }
    throw error;
  }
}
