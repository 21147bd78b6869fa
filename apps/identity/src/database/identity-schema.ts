import { CreateEmailOutbox1796336272589, EmailOutboxEntry } from '@app/email';
import type { DataSourceOptions } from 'typeorm';
import { AbuseCounter } from '../abuse/abuse-counter.entity';
import { GymMembership } from '../memberships/gym-membership.entity';
import { CreateUsersAndRefreshTokens1796336262528 } from '../migrations/1796336262528-create-users-and-refresh-tokens';
import { CreateGymMemberships1796337928974 } from '../migrations/1796337928974-create-gym-memberships';
import { CreatePasswordReset1796338146795 } from '../migrations/1796338146795-create-password-reset';
import { AddSmsTwoFactor1796338335913 } from '../migrations/1796338335913-add-sms-two-factor';
import { AddSessionsAndDisabledUsers1796338640599 } from '../migrations/1796338640599-add-sessions-and-disabled-users';
import { CreateAbuseCounters1796338640600 } from '../migrations/1796338640600-create-abuse-counters';
import { PasswordResetToken } from '../password-reset/password-reset-token.entity';
import { PendingPasswordReset } from '../password-reset/pending-password-reset.entity';
import { RefreshToken } from '../sessions/refresh-token.entity';
import { Session } from '../sessions/session.entity';
import { TwoFactorChallenge } from '../two-factor/two-factor-challenge.entity';
import { TwoFactorCounter } from '../two-factor/two-factor-counter.entity';
import { User } from '../users/user.entity';

/** Listed by hand, not globbed, so the build, the tests and the TypeORM CLI see the same set. */
export const IDENTITY_ENTITIES = [
  User,
  RefreshToken,
  Session,
  AbuseCounter,
  GymMembership,
  EmailOutboxEntry,
  PasswordResetToken,
  PendingPasswordReset,
  TwoFactorChallenge,
  TwoFactorCounter,
];

export const IDENTITY_MIGRATIONS = [
  CreateUsersAndRefreshTokens1796336262528,
  CreateGymMemberships1796337928974,
  CreateEmailOutbox1796336272589,
  CreatePasswordReset1796338146795,
  AddSmsTwoFactor1796338335913,
  AddSessionsAndDisabledUsers1796338640599,
  CreateAbuseCounters1796338640600,
];

/** For the TypeORM CLI and the schema test; the service itself goes through DatabaseModule. */
export function identityDataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: IDENTITY_ENTITIES,
    migrations: IDENTITY_MIGRATIONS,
    synchronize: false,
    // As DatabaseModule: gen_random_uuid() is built into PostgreSQL 13+.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
  };
}
