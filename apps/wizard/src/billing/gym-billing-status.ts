import type { GymStatus } from '../gyms/gym-status';
import type { Gym } from '../gyms/gym.entity';

/** Only a gym someone paid for can fall behind on paying. */
export function pastDueStatusOf(gym: Pick<Gym, 'status'>): GymStatus | null {
  return gym.status === 'active' || gym.status === 'paid' ? 'past_due' : null;
}

/** Paid up again: back to active, or to paid when the owner has not activated it yet. */
export function recoveredStatusOf(gym: Pick<Gym, 'status' | 'activatedAt'>): GymStatus | null {
  if (gym.status !== 'past_due') {
    return null;
  }

  return gym.activatedAt ? 'active' : 'paid';
}

/** Canceled is for good: nothing moves a gym out of it. */
export function canceledStatusOf(gym: Pick<Gym, 'status'>): GymStatus | null {
  return ['paid', 'active', 'past_due'].includes(gym.status) ? 'canceled' : null;
}

/** What a Stripe subscription status makes of the gym; null: it changes nothing. */
export function statusForSubscription(
  gym: Pick<Gym, 'status' | 'activatedAt'>,
  subscriptionStatus: string,
): GymStatus | null {
  switch (subscriptionStatus) {
    case 'active':
    case 'trialing':
      return recoveredStatusOf(gym);
    case 'past_due':
    case 'unpaid':
      return pastDueStatusOf(gym);
    case 'canceled':
      return canceledStatusOf(gym);
    default:
      return null;
  }
}
