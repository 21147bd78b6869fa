import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { AuthenticatedUser, PlatformRole } from './access-token';

export const IS_PUBLIC = Symbol('IS_PUBLIC');
export const REQUIRED_ROLE = Symbol('REQUIRED_ROLE');

/** The route needs no access token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

export const RequireRole = (role: PlatformRole): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLE, role);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
