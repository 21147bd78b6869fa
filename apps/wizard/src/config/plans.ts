import { z } from 'zod';

export const planSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]{1,64}$/),
  name: z.string().min(1),
  stripePriceId: z.string().min(1),
  /** In the currency's minor unit, as Stripe counts it. */
  amount: z.number().int().nonnegative(),
  currency: z.string().regex(/^[a-z]{3}$/),
  interval: z.enum(['month', 'year']),
  limits: z.object({
    members: z.number().int().positive(),
    staff: z.number().int().positive(),
    locations: z.number().int().positive(),
  }),
});

export type Plan = z.infer<typeof planSchema>;

export const DEFAULT_PLANS: Plan[] = [
  {
    id: 'studio_monthly',
    name: 'Studio',
    stripePriceId: 'price_studio_monthly',
    amount: 4900,
    currency: 'eur',
    interval: 'month',
    limits: { members: 300, staff: 5, locations: 1 },
  },
  {
    id: 'club_monthly',
    name: 'Club',
    stripePriceId: 'price_club_monthly',
    amount: 9900,
    currency: 'eur',
    interval: 'month',
    limits: { members: 1500, staff: 25, locations: 3 },
  },
  {
    id: 'club_yearly',
    name: 'Club (yearly)',
    stripePriceId: 'price_club_yearly',
    amount: 99000,
    currency: 'eur',
    interval: 'year',
    limits: { members: 1500, staff: 25, locations: 3 },
  },
];

/** PLANS holds a JSON array of plans; without it the default catalogue is sold. */
export const plansVariable = z
  .string()
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === '') {
      return DEFAULT_PLANS;
    }

    try {
      return z.array(planSchema).min(1).parse(JSON.parse(value));
    } catch {
      context.addIssue({
        code: 'custom',
        message: 'must be a JSON array of plans (see .env.example)',
      });

      return z.NEVER;
    }
  });
