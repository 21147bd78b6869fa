import { AppError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AccessTokenIssuer } from '../signing/access-token.issuer';
import { PasswordHasher } from '../users/password-hasher';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { RefreshTokensService } from './refresh-tokens.service';

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

@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenIssuer,
    private readonly refreshTokens: RefreshTokensService,
  ) {}

  async login({ email, password }: Credentials): Promise<TokenPair> {
    const user = await this.users.findByEmail(email);

    const valid = user
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyAgainstNothing(password);
    if (!user || !valid) {
      throw new AppError('unauthorized', BAD_CREDENTIALS);
    }

    if (this.hasher.needsRehash(user.passwordHash)) {
      await this.users.setPassword(user.id, password);
    }

    return this.issuePair(user);
  }

  /** The presented token is spent; the pair returned replaces it. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const userId = await this.refreshTokens.spend(refreshToken);
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) {
      throw new AppError('unauthorized', 'The refresh token is invalid, expired or already used.');
    }

    return this.issuePair(user);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.spend(refreshToken);
  }

  private async issuePair(user: User): Promise<TokenPair> {
    const access = await this.accessTokens.issue(user);
    const refreshToken = await this.refreshTokens.issue(user.id);

    return {
      accessToken: access.token,
      refreshToken,
      expiresIn: access.expiresIn,
      tokenType: 'Bearer',
    };
  }
}
