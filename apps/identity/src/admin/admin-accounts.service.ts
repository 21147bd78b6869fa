import { InvalidRequestError, PlatformRole } from '@app/common';
import { Injectable } from '@nestjs/common';
import { isEmail } from 'class-validator';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../users/account-rules';
import { UsersService } from '../users/users.service';

export const PLATFORM_ADMIN: PlatformRole = 'platform_admin';

export const DEFAULT_ADMIN_NAME = 'Platform admin';

export interface AdminAccountRequest {
  email: string;
  /** Needed to create an account; for an existing one it replaces the password. */
  password?: string;
  name?: string;
}

export interface AdminAccountOutcome {
  action: 'created' | 'promoted' | 'already_admin';
  userId: string;
  email: string;
  passwordChanged: boolean;
}

/** Makes a platform admin: never through sign-up, only through this (the admin command). */
@Injectable()
export class AdminAccountsService {
  constructor(private readonly users: UsersService) {}

  async ensurePlatformAdmin(request: AdminAccountRequest): Promise<AdminAccountOutcome> {
    assertValid(request);

    const existing = await this.users.findByEmail(request.email);
    if (!existing) {
      return this.create(request);
    }

    const wasAdmin = existing.roles.includes(PLATFORM_ADMIN);
    await this.users.grantRole(existing.id, PLATFORM_ADMIN);
    if (request.password !== undefined) {
      await this.users.setPassword(existing.id, request.password);
    }

    return {
      action: wasAdmin ? 'already_admin' : 'promoted',
      userId: existing.id,
      email: existing.email,
      passwordChanged: request.password !== undefined,
    };
  }

  private async create(request: AdminAccountRequest): Promise<AdminAccountOutcome> {
    if (request.password === undefined) {
      throw new InvalidRequestError('No account has this email: give --password to create it.');
    }

    const user = await this.users.register({
      email: request.email,
      password: request.password,
      name: request.name ?? DEFAULT_ADMIN_NAME,
      roles: [PLATFORM_ADMIN],
    });

    return { action: 'created', userId: user.id, email: user.email, passwordChanged: true };
  }
}

function assertValid({ email, password, name }: AdminAccountRequest): void {
  if (!isEmail(email.trim())) {
    throw new InvalidRequestError('The email is not a valid email address.');
  }

  if (
    password !== undefined &&
    (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH)
  ) {
    throw new InvalidRequestError(
      `The password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long.`,
    );
  }

  if (name !== undefined && (name.trim().length < 1 || name.trim().length > NAME_MAX_LENGTH)) {
    throw new InvalidRequestError(`The name must be 1 to ${NAME_MAX_LENGTH} characters long.`);
  }
}
