import type Stripe from 'stripe';

import { PaymentsConfigError } from '../payments.errors';

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

export interface StripePaymentsConfig {
  secretKey: string;
  /** Every endpoint secret currently valid; more than one while a secret is rolled. */
  webhookSecrets: string[];
  /** How far a signature timestamp may be from now, in either direction. */
  webhookToleranceSeconds?: number;
  /** A stripe-mock or a local fake, e.g. http://127.0.0.1:12111; Stripe itself when absent. */
  apiBaseUrl?: string;
  /** The SDK's own retries (connection errors, 409, 5xx); the SDK default (2) when absent. */
  maxNetworkRetries?: number;
  timeoutMs?: number;
}

export interface ResolvedStripePaymentsConfig {
  webhookSecrets: string[];
  webhookToleranceSeconds: number;
  client: Stripe.StripeConfig;
}

function fail(option: string, problem: string): never {
  throw new PaymentsConfigError(`Payments option stripe.${option} ${problem}.`);
}

function assertNonNegativeInteger(option: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
    fail(option, 'must be a non-negative integer');
  }
}

function addressOf(apiBaseUrl: string): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  let url: URL;
  try {
    url = new URL(apiBaseUrl);
  } catch {
    return fail('apiBaseUrl', 'is not a valid URL');
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    fail('apiBaseUrl', 'must use http or https');
  }
  if (url.pathname !== '/' || url.search !== '' || url.username !== '') {
    fail('apiBaseUrl', 'must be an origin only (the SDK adds /v1/ itself)');
  }

  const protocol = url.protocol === 'http:' ? 'http' : 'https';

  return {
    protocol,
    // node:http wants an IPv6 host without its brackets.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port || (protocol === 'http' ? 80 : 443),
  };
}

/** Checks the options once, at start, and turns them into SDK settings. */
export function resolveStripePaymentsConfig(
  config: StripePaymentsConfig,
): ResolvedStripePaymentsConfig {
  if (!config.secretKey?.trim()) {
    fail('secretKey', 'is missing');
  }
  // No secret at all is allowed (a service not yet connected to Stripe): every delivery is refused.
  if (
    !Array.isArray(config.webhookSecrets) ||
    config.webhookSecrets.some((secret) => !secret?.trim())
  ) {
    fail('webhookSecrets', 'must be a list of non-empty secrets');
  }

  const tolerance = config.webhookToleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (!Number.isInteger(tolerance) || tolerance <= 0) {
    // The SDK reads 0 as "skip the timestamp check", which would allow replays forever.
    fail('webhookToleranceSeconds', 'must be a positive integer');
  }
  assertNonNegativeInteger('maxNetworkRetries', config.maxNetworkRetries);
  assertNonNegativeInteger('timeoutMs', config.timeoutMs);

  return {
    webhookSecrets: [...config.webhookSecrets],
    webhookToleranceSeconds: tolerance,
    client: {
      ...(config.apiBaseUrl ? addressOf(config.apiBaseUrl) : {}),
      maxNetworkRetries: config.maxNetworkRetries,
      timeout: config.timeoutMs,
    },
  };
}
