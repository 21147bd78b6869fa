import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@app/common';
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyRequest } from 'fastify';
import type { IdentityConfig } from '../config/identity-env';

/** The header the Wizard sends its service token in; never a user's bearer token. */
export const INTERNAL_TOKEN_HEADER = 'x-internal-token';

/** For service-to-service routes, which the user-token guard lets through as @Public(). */
@Injectable()
export class InternalTokenGuard implements CanActivate {
  private readonly logger = new Logger(InternalTokenGuard.name);
  private readonly expectedDigest?: Buffer;

  constructor(config: ConfigService<IdentityConfig, true>) {
    const token = config.get('INTERNAL_API_TOKEN', { infer: true });
    this.expectedDigest = token ? digestOf(token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expectedDigest) {
      this.logger.warn('An internal call was refused: INTERNAL_API_TOKEN is not set');
      throw new AppError('unavailable', 'Internal calls are turned off on this Identity.');
    }

    const given = context.switchToHttp().getRequest<FastifyRequest>().headers[
      INTERNAL_TOKEN_HEADER
    ];
    // Digests of equal length, so the comparison takes the same time whatever was sent.
    if (typeof given !== 'string' || !timingSafeEqual(digestOf(given), this.expectedDigest)) {
      throw new AppError(
        'unauthorized',
        `Send the service token in the ${INTERNAL_TOKEN_HEADER} header.`,
      );
    }

    return true;
  }
}

function digestOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
