import {
  signStripePayload,
  signStripePayloadForSecrets,
  signStripePayloadWithExtraWrongSignature,
  signStripePayloadWithWrongSecret,
  stripeFixture,
  unixSecondsFromNow,
} from '@app/testing';

import { WebhookSignatureError, WebhookSignatureFailure } from '../payments.errors';
import { StripePaymentsService } from './stripe-payments.service';

const CURRENT_SECRET = 'whsec_current_spec_secret_0001';
const ROLLED_SECRET = 'whsec_rolled_spec_secret_0002';

const payload = JSON.stringify(
  stripeFixture('checkout.session.completed.paid', {
    eventId: 'evt_spec_webhook_01',
    gymId: 'gym_spec_01',
  }),
);
const rawBody = Buffer.from(payload);

function verifier(webhookSecrets = [CURRENT_SECRET]): StripePaymentsService {
  return new StripePaymentsService({ secretKey: 'sk_test_webhook_spec', webhookSecrets });
}

function failureOf(verify: () => unknown): WebhookSignatureFailure {
  try {
    verify();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookSignatureError);

    return (error as WebhookSignatureError).failure;
  }
  throw new Error('Expected the webhook to be refused.');
}

describe('StripePaymentsService.verifyWebhookEvent', () => {
  it('returns the event for a valid signature over the raw bytes', () => {
    const event = verifier().verifyWebhookEvent(
      rawBody,
      signStripePayload(payload, CURRENT_SECRET),
    );

    expect(event.id).toBe('evt_spec_webhook_01');
    expect(event.type).toBe('checkout.session.completed');
  });

  it('verifies a body with characters beyond ASCII, signed over its UTF-8 bytes', () => {
    const withName = JSON.parse(payload);
    withName.data.object.metadata.gym_name = 'Café Kraft 💪';
    const named = JSON.stringify(withName);

    const verified = verifier([ROLLED_SECRET, CURRENT_SECRET]).verifyWebhookEvent(
      Buffer.from(named, 'utf8'),
      signStripePayload(named, CURRENT_SECRET),
    );

    const metadata = (verified.data.object as { metadata: Record<string, string> }).metadata;
    expect(metadata.gym_name).toBe('Café Kraft 💪');
  });

  it('refuses every delivery when no secret is configured', () => {
    const header = signStripePayload(payload, CURRENT_SECRET);

    expect(failureOf(() => verifier([]).verifyWebhookEvent(rawBody, header))).toBe(
      'no_matching_signature',
    );
  });

  it('refuses a tampered body', () => {
    const header = signStripePayload(payload, CURRENT_SECRET);
    const tampered = Buffer.from(payload.replace('gym_spec_01', 'gym_spec_02'));

    expect(failureOf(() => verifier().verifyWebhookEvent(tampered, header))).toBe(
      'no_matching_signature',
    );
  });

  it('refuses a signature made with another secret', () => {
    const header = signStripePayloadWithWrongSecret(payload);

    expect(failureOf(() => verifier().verifyWebhookEvent(rawBody, header))).toBe(
      'no_matching_signature',
    );
  });

  it('accepts a signature from the second configured secret (rotation)', () => {
    const header = signStripePayload(payload, ROLLED_SECRET);

    const event = verifier([CURRENT_SECRET, ROLLED_SECRET]).verifyWebhookEvent(rawBody, header);

    expect(event.id).toBe('evt_spec_webhook_01');
  });

  it('accepts a header with two v1 signatures when one of them is valid', () => {
    const header = signStripePayloadWithExtraWrongSignature(payload, CURRENT_SECRET);
    expect(header.match(/v1=/g)).toHaveLength(2);

    expect(verifier().verifyWebhookEvent(rawBody, header).id).toBe('evt_spec_webhook_01');
  });

  it('accepts the header Stripe sends while rolling a secret, with either secret', () => {
    const header = signStripePayloadForSecrets(payload, [CURRENT_SECRET, ROLLED_SECRET]);

    expect(verifier([ROLLED_SECRET]).verifyWebhookEvent(rawBody, header).id).toBe(
      'evt_spec_webhook_01',
    );
  });

  it('refuses a timestamp older than the 300 s default tolerance', () => {
    const header = signStripePayload(payload, CURRENT_SECRET, {
      timestamp: unixSecondsFromNow(-301),
    });

    expect(failureOf(() => verifier().verifyWebhookEvent(rawBody, header))).toBe(
      'timestamp_outside_tolerance',
    );
  });

  it('accepts a timestamp just inside the tolerance, in the past or a little ahead', () => {
    const payments = verifier();
    const old = signStripePayload(payload, CURRENT_SECRET, { timestamp: unixSecondsFromNow(-290) });
    const ahead = signStripePayload(payload, CURRENT_SECRET, {
      timestamp: unixSecondsFromNow(30),
    });

    expect(payments.verifyWebhookEvent(rawBody, old).id).toBe('evt_spec_webhook_01');
    expect(payments.verifyWebhookEvent(rawBody, ahead).id).toBe('evt_spec_webhook_01');
  });

  it('refuses a timestamp in the future beyond the tolerance', () => {
    const header = signStripePayload(payload, CURRENT_SECRET, {
      timestamp: unixSecondsFromNow(301),
    });

    expect(failureOf(() => verifier().verifyWebhookEvent(rawBody, header))).toBe(
      'timestamp_outside_tolerance',
    );
  });

  it('honours a configured tolerance', () => {
    const payments = new StripePaymentsService({
      secretKey: 'sk_test_webhook_spec',
      webhookSecrets: [CURRENT_SECRET],
      webhookToleranceSeconds: 60,
    });
    const header = signStripePayload(payload, CURRENT_SECRET, {
      timestamp: unixSecondsFromNow(-61),
    });

    expect(failureOf(() => payments.verifyWebhookEvent(rawBody, header))).toBe(
      'timestamp_outside_tolerance',
    );
  });

  it.each([undefined, ''])('refuses a missing header (%p)', (header) => {
    expect(failureOf(() => verifier().verifyWebhookEvent(rawBody, header))).toBe('missing_header');
  });

  it.each(['garbage', 't=abc,v1=deadbeef', `t=${unixSecondsFromNow()}`, 'v1=deadbeef'])(
    'refuses a malformed header (%p)',
    (header) => {
      expect(failureOf(() => verifier().verifyWebhookEvent(rawBody, header))).toBe(
        'malformed_header',
      );
    },
  );

  it('refuses a signed payload that is not an event', () => {
    const notJson = 'not json';
    const header = signStripePayload(notJson, CURRENT_SECRET);

    expect(failureOf(() => verifier().verifyWebhookEvent(Buffer.from(notJson), header))).toBe(
      'invalid_payload',
    );
  });

  it('never puts the secret, the header or the payload in the error', () => {
    const header = signStripePayloadWithWrongSecret(payload);

    try {
      verifier().verifyWebhookEvent(rawBody, header);
    } catch (error) {
      const shown = JSON.stringify({ ...(error as object), message: (error as Error).message });
      expect(shown).not.toContain(CURRENT_SECRET.slice(-4));
      expect(shown).not.toContain(header);
      expect(shown).not.toContain('gym_spec_01');
    }
    expect.assertions(3);
  });
});
