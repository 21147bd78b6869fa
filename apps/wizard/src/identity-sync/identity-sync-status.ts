/**
 * pending: written by the change that asks for it; syncing: a relay holds it under a lease;
 * retrying: waiting out a backoff; done: Identity answered 2xx. There is no dead end: a row
 * keeps retrying at the capped delay, logged as an error once it has failed too often, since
 * every cause seen (Identity down, a wrong INTERNAL_API_TOKEN) heals once fixed.
 */
export const IDENTITY_SYNC_STATUSES = ['pending', 'syncing', 'retrying', 'done'] as const;

export type IdentitySyncStatus = (typeof IDENTITY_SYNC_STATUSES)[number];

/** What Identity is told; one row per kind and gym. */
export const IDENTITY_SYNC_KINDS = ['owner_membership'] as const;

export type IdentitySyncKind = (typeof IDENTITY_SYNC_KINDS)[number];

export const IDENTITY_SYNC_TABLE = 'identity_sync';
