import { errors } from 'jose';

/**
 * jose's answers about the token itself: malformed, forged, of another algorithm, expired,
 * for another issuer or audience, or signed by a key nobody serves. Anything else (the JWKS
 * could not be fetched or parsed) says nothing about the token.
 */
const TOKEN_REFUSALS: ReadonlySet<string> = new Set([
  errors.JWSInvalid.code,
  errors.JWTInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

export function isTokenRefusal(error: unknown): boolean {
  return error instanceof errors.JOSEError && TOKEN_REFUSALS.has(error.code);
}
