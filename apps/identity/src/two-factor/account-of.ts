import { AppError } from '@app/common';
import type { EntityManager } from 'typeorm';
import { User } from '../users/user.entity';

/** The bearer's account, read afresh: a deleted account stops here. */
export async function accountOf(manager: EntityManager, userId: string): Promise<User> {
  const user = await manager.findOneBy(User, { id: userId });
  if (!user) {
    throw new AppError('unauthorized', 'This account no longer exists.');
  }

  return user;
}

export const ALREADY_ON =
  'SMS sign-in codes are already on; turn them off first (DELETE /me/2fa) to change the number.';

export const NOT_ON = 'SMS sign-in codes are not on for this account.';
