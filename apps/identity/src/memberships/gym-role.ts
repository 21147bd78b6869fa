/** owner: the account that bought the gym; staff: runs it day to day; member: trains there. */
export const GYM_ROLES = ['owner', 'staff', 'member'] as const;

export type GymRole = (typeof GYM_ROLES)[number];

/** The roles an owner can hand out; the owner's own comes only from the Wizard. */
export const ASSIGNABLE_GYM_ROLES = ['staff', 'member'] as const;

export type AssignableGymRole = (typeof ASSIGNABLE_GYM_ROLES)[number];

export const GYM_MEMBERSHIPS_TABLE = 'gym_memberships';
