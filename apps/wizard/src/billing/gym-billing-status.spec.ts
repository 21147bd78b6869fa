import type { GymStatus } from '../gyms/gym-status';
import { statusForSubscription } from './gym-billing-status';

const gym = (status: GymStatus, activated = true) => ({
  status,
  activatedAt: activated ? new Date('2026-01-02T00:00:00Z') : null,
});

describe('statusForSubscription', () => {
  it.each<[GymStatus, string, GymStatus | null]>([
    ['active', 'past_due', 'past_due'],
    ['active', 'unpaid', 'past_due'],
    ['paid', 'past_due', 'past_due'],
    ['past_due', 'active', 'active'],
    ['past_due', 'trialing', 'active'],
    ['active', 'canceled', 'canceled'],
    ['past_due', 'canceled', 'canceled'],
    ['canceled', 'active', null],
    ['canceled', 'past_due', null],
    ['draft', 'past_due', null],
    ['pending_payment', 'active', null],
    ['active', 'incomplete', null],
    ['active', 'active', null],
  ])('a %s gym whose subscription is %s becomes %s', (status, subscriptionStatus, expected) => {
    expect(statusForSubscription(gym(status), subscriptionStatus)).toBe(expected);
  });

  it('brings a gym that was never activated back to paid, so activation still works', () => {
    expect(statusForSubscription(gym('past_due', false), 'active')).toBe('paid');
  });
});
