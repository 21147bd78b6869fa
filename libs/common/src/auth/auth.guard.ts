import { CanActivate, ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import type { AuthenticatedUser, PlatformRole } from './access-token';
import { AccessTokenVerifier } from './access-token.verifier';
import { IS_PUBLIC, REQUIRED_ROLE } from './auth.decorators';
import { SESSION_VALIDATOR, type SessionValidator } from './session-validator';

/** Every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
    @Optional() @Inject(SESSION_VALIDATOR) private readonly sessions?: SessionValidator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }

    const request = context
      .switchToHttp()
      .getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const token = bearerTokenOf(request);
    request.user = await this.verifier.verify(token);
    if (this.sessions && !(await this.sessions.isLive(request.user, token))) {
      throw new AppError('unauthorized', 'This session has ended; log in again.');
    }

    const role = this.reflector.getAllAndOverride<PlatformRole | undefined>(REQUIRED_ROLE, targets);
    if (role && !request.user.roles.includes(role)) {
      throw new AppError('forbidden', 'This needs a platform admin.');
    }

    return true;
  }
}

const BEARER = /^Bearer +(\S+) *$/i;

function bearerTokenOf(request: FastifyRequest): string {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  if (!token) {
    throw new AppError('unauthorized', 'Send an access token as "Authorization: Bearer <token>".');
  }

  return token;
}
