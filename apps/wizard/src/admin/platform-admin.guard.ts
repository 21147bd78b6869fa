import { AppError, AuthenticatedUser } from '@app/common';
import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FastifyRequest } from 'fastify';
import type { WizardConfig } from '../config/wizard-env';

const IDENTITY_TIMEOUT_MS = 3000;

/**
 * The role claim is only a hint: Identity is asked, with the caller's own token, whether this
 * user is a platform admin now, so a revoked admin loses access at once.
 */
@Injectable()
export class PlatformAdminGuard implements CanActivate {
  private readonly logger = new Logger(PlatformAdminGuard.name);
  private readonly meUrl: string;

  constructor(config: ConfigService<WizardConfig, true>) {
    this.meUrl = `${config.get('IDENTITY_URL', { infer: true }).replace(/\/$/, '')}/me`;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user: AuthenticatedUser }>();
    if (!request.user.roles.includes('platform_admin')) {
      throw new AppError('forbidden', 'This needs a platform admin.');
    }

    const roles = await this.currentRoles(request.headers.authorization ?? '');
    if (!roles.includes('platform_admin')) {
      throw new AppError('forbidden', 'This needs a platform admin.');
    }

    return true;
  }

  private async currentRoles(authorization: string): Promise<string[]> {
    const response = await fetch(this.meUrl, {
      headers: { authorization },
      signal: AbortSignal.timeout(IDENTITY_TIMEOUT_MS),
    }).catch((error: unknown) => {
      this.logger.error({ reason: (error as Error).message }, 'Identity is unreachable');
      throw new AppError('unavailable', 'Cannot confirm admin rights right now; retry shortly.');
    });
    if (!response.ok) {
      throw new AppError('forbidden', 'This needs a platform admin.');
    }

    const me = (await response.json()) as { roles?: unknown };

    return Array.isArray(me.roles) ? me.roles.filter((role) => typeof role === 'string') : [];
  }
}
