import type { TestDatabase } from '@app/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AdminAccountsService } from '../src/admin/admin-accounts.service';
import { AdminCliModule } from '../src/cli/admin-cli.module';
import { PasswordHasher } from '../src/users/password-hasher';
import { UsersService } from '../src/users/users.service';
import { newAccount } from './support/accounts';
import { testDatabaseOrSkip } from './support/test-database-or-skip';

describe('AdminAccountsService (the admin:create command)', () => {
  let database: TestDatabase | undefined;
  let context: INestApplicationContext;

  beforeAll(async () => {
    database = await testDatabaseOrSkip('admin_accounts');
    if (database) {
      const module = await AdminCliModule.register({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
      });
      context = await NestFactory.createApplicationContext(module, {
        logger: false,
        abortOnError: false,
      });
    }
  });

  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  const whenDatabase = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      if (database) {
        await body();
      }
    });

  async function passwordMatches(email: string, password: string): Promise<boolean> {
    const user = await context.get(UsersService).findByEmail(email);

    return context.get(PasswordHasher).verify(user?.passwordHash ?? '', password);
  }

  whenDatabase('creates a platform admin who can log in with the password', async () => {
    const { email, password } = newAccount();

    const outcome = await context
      .get(AdminAccountsService)
      .ensurePlatformAdmin({ email, password });

    expect(outcome).toEqual({
      action: 'created',
      userId: expect.any(String),
      email,
      passwordChanged: true,
    });
    const user = await context.get(UsersService).findByEmail(email);
    expect(user).toEqual(
      expect.objectContaining({ name: 'Platform admin', roles: ['platform_admin'] }),
    );
    await expect(passwordMatches(email, password)).resolves.toBe(true);
  });

  whenDatabase('promotes an existing user and keeps the password unless one is given', async () => {
    const account = newAccount({ email: 'Coach@Promote.test' });
    const user = await context.get(UsersService).register(account);
    const admins = context.get(AdminAccountsService);

    const promoted = await admins.ensurePlatformAdmin({ email: 'coach@promote.test' });
    const again = await admins.ensurePlatformAdmin({
      email: 'coach@promote.test',
      password: 'a-brand-new-password',
    });

    expect(promoted).toEqual({
      action: 'promoted',
      userId: user.id,
      email: 'Coach@Promote.test',
      passwordChanged: false,
    });
    expect(again).toEqual(
      expect.objectContaining({ action: 'already_admin', passwordChanged: true }),
    );
    const reloaded = await context.get(UsersService).findById(user.id);
    expect(reloaded).toEqual(
      expect.objectContaining({ name: account.name, roles: ['platform_admin'] }),
    );
    await expect(passwordMatches(account.email, 'a-brand-new-password')).resolves.toBe(true);
  });

  whenDatabase('refuses to create an account without a password, or with bad input', async () => {
    const admins = context.get(AdminAccountsService);

    await expect(admins.ensurePlatformAdmin({ email: newAccount().email })).rejects.toThrow(
      /give --password/,
    );
    await expect(
      admins.ensurePlatformAdmin({ email: 'not-an-email', password: 'long-enough' }),
    ).rejects.toThrow(/not a valid email/);
    await expect(
      admins.ensurePlatformAdmin({ email: newAccount().email, password: 'short' }),
    ).rejects.toThrow(/8 to 1024 characters/);
  });
});
