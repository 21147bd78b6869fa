import { AppError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { tooManyAttempts } from '../abuse/too-many-attempts';
import type { RequestOrigin } from '../security-events/request-origin';
import { SecurityEvents } from '../security-events/security-events.service';
import { AccessTokenIssuer } from '../signing/access-token.issuer';
import { PasswordHasher } from '../users/password-hasher';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { RefreshTokensService } from './refresh-tokens.service';
import { SignInLimits } from './sign-in-limits';
import type { TwoFactorRequiredResponse } from '../two-factor/dto/two-factor.responses';
import { LoginSecondFactor } from '../two-factor/login-second-factor';

export interface Credentials {
  email: string;
  password: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

// One message for an unknown email and a wrong password: it must not reveal which accounts exist.
const BAD_CREDENTIALS = 'The email or the password is wrong.';
const BAD_REFRESH_TOKEN = 'The refresh token is invalid, expired or already used.';
const UNKNOWN_ORIGIN: RequestOrigin = { ip: null, userAgent: null };

@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly refreshTokens: RefreshTokensService,
    private readonly limits: SignInLimits,
    private readonly events: SecurityEvents,
    private readonly secondFactor: LoginSecondFactor,
  ) {}

  async login(
    { email, password }: Credentials,
    origin: RequestOrigin,
  ): Promise<TokenPair | TwoFactorRequiredResponse> {
    const verdict = await this.limits.attemptLogin(email, origin);
    if (!verdict.allowed) {
      this.events.record({ event: 'login.failed', email, origin, reason: 'too_many_attempts' });
      throw tooManyAttempts(verdict.retryAfterSeconds);
    }

    const user = await this.users.findByEmail(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyAgainstNothing(password);
    if (!user || !valid) {
      this.events.record({
        event: 'login.failed',
        userId: user?.id,
        email,
        origin,
        reason: 'bad_credentials',
      });
      throw new AppError('unauthorized', BAD_CREDENTIALS);
    }

    await this.limits.passwordAccepted(email, origin);
    // Said only to whoever knows the password.
    if (user.disabledAt) {
      this.events.record({
        event: 'login.failed',
        userId: user.id,
        origin,
        reason: 'account_disabled',
      });
      throw new AppError('forbidden', 'This account is disabled; contact the platform support.');
    }

    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.setPassword(user.id, password);
    }

    // SMS 2FA (two-factor/): with it on, the right password only opens a challenge; the pair
    // comes from POST /auth/2fa/verify.
    if (this.secondFactor.isRequiredFor(user)) {
      return this.secondFactor.start(user, origin);
    }

    return this.issuePair(user, origin);
  }

  /** Starts a session for a user whose sign-in is complete (password, and 2FA when on). */
  async issuePair(user: User, origin: RequestOrigin = UNKNOWN_ORIGIN): Promise<TokenPair> {
    const { sessionId, refreshToken } = await this.refreshTokens.startSession(user.id, origin);
    this.events.record({ event: 'login.succeeded', userId: user.id, sessionId, origin });

    return this.pairOf(user, sessionId, refreshToken);
  }

  /** The presented token is spent; the pair returned replaces it. */
  async refresh(refreshToken: string, origin: RequestOrigin): Promise<TokenPair> {
    const rotation = await this.refreshTokens.rotate(refreshToken);
    if (rotation.outcome === 'reused') {
      this.events.record({
        event: 'refresh_token.reused',
        userId: rotation.session.userId,
        sessionId: rotation.session.id,
        origin,
        reason: 'session_ended',
      });
    }
    if (rotation.outcome === 'refused' || rotation.outcome === 'reused') {
      throw new AppError('unauthorized', BAD_REFRESH_TOKEN);
    }

    const user = await this.users.findById(rotation.session.userId);
    if (!user || user.disabledAt) {
      throw new AppError('unauthorized', BAD_REFRESH_TOKEN);
    }

    return this.pairOf(user, rotation.session.id, rotation.refreshToken);
  }

  async logout(refreshToken: string, origin: RequestOrigin): Promise<void> {
    const ended = await this.refreshTokens.endSessionOf(refreshToken, 'logout');
    if (ended) {
      this.events.record({
        event: 'session.ended',
        userId: ended.userId,
        sessionId: ended.id,
        origin,
        reason: 'logout',
      });
    }
  }

  private async pairOf(user: User, sessionId: string, refreshToken: string): Promise<TokenPair> {
    const access = await this.accessTokens.issue(user, sessionId);

    return {
      accessToken: access.token,
      refreshToken,
      expiresIn: access.expiresIn,
      tokenType: 'Bearer',
    };
  }
}
