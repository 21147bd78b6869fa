import { AppError, ConflictError, PlatformRole } from '@app/common';
import { entityFromRow } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { normalizeEmail } from './normalize-email';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { isUniqueViolation } from './unique-violation';
import { User } from './user.entity';

export interface NewUser {
  email: string;
  password: string;
  name: string;
  roles?: PlatformRole[];
}

export interface UserProfile {
  id: string;
  email: string;
  name: string;
  roles: PlatformRole[];
  twoFactorEnabled: boolean;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
  ) {}

  async register(input: NewUser): Promise<User> {
    assertAcceptablePassword(input.password);

    const passwordHash = await this.hasher.hash(input.password);
    const user = this.users.create({
      email: input.email.trim(),
      emailNormalized: normalizeEmail(input.email),
      name: input.name.trim(),
      passwordHash,
      roles: input.roles ?? [],
    });

    // The unique index decides, so two sign-ups racing for one email cannot both win.
    return this.users.save(user).catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw new ConflictError('An account with this email already exists.');
      }
      throw error;
    });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Plain SQL: every login asks, and the query builder cost more than the lookup. */
  async findByEmail(email: string): Promise<User | null> {
    const [row]: Array<Record<string, unknown>> = await this.users.query(
      'SELECT * FROM users WHERE email_normalized = $1',
      [normalizeEmail(email)],
    );

    return row ? entityFromRow(this.users.manager, User, row) : null;
  }

  /** Read from the database on each call: a deleted or disabled account stops working at once. */
  async profileOf(id: string): Promise<UserProfile> {
    const user = await this.findById(id);
    if (!user) {
      throw new AppError('unauthorized', 'This account no longer exists.');
    }
    if (user.disabledAt) {
      throw new AppError('unauthorized', 'This account is disabled.');
    }

    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      twoFactorEnabled: user.twoFactorPhone !== null,
    };
  }

  async setPassword(id: string, password: string): Promise<void> {
    await this.users.update({ id }, { passwordHash: await this.hasher.hash(password) });
  }

  /** Adds the role in one statement, so concurrent grants never lose one. */
  async grantRole(id: string, role: PlatformRole): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update(User)
      .set({ roles: () => 'array_append(roles, :role)' })
      .where('id = :id AND NOT (:role = ANY(roles))', { id, role })
      .execute();
  }
}
