export const ACCESS_TOKEN_TYPE = 'access';

export const TOKEN_ALGORITHM = 'ES256';

export type PlatformRole = 'platform_admin';

/** What a verified access token says about its bearer. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: PlatformRole[];
}

export interface AccessTokenClaims {
  sub: string;
  email: string;
  roles: PlatformRole[];
  typ: typeof ACCESS_TOKEN_TYPE;
}
