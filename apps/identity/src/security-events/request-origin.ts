import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

const USER_AGENT_MAX_LENGTH = 256;

/** Where a request came from, as far as the service can tell. */
export interface RequestOrigin {
  /** The client's address: the peer's, or X-Forwarded-For's as far as TRUST_PROXY allows. */
  ip: string | null;
  userAgent: string | null;
}

export function originOf(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'];

  return {
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  };
}

/** The handler parameter gets the request's RequestOrigin. */
export const ClientOrigin = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestOrigin =>
    originOf(context.switchToHttp().getRequest<FastifyRequest>()),
);
