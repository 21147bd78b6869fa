export const ACCESS_TOKEN_TYPE = 'access';

export const TOKEN_ALGORITHM = 'ES256';

export const PLATFORM_ROLES = ['platform_admin'] as const;

export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** What a verified access token says about its bearer. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  roles: PlatformRole[];
  /** The sign-in session the token was minted for: every access token names one. */
  sessionId: string;
}

export interface AccessTokenClaims {
  sub: string;
  email: string;
  roles: PlatformRole[];
  typ: typeof ACCESS_TOKEN_TYPE;
  sid: string;
}
