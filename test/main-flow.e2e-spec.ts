import { stripeFixture, unixSecondsFromNow } from '@app/testing';
import { requireServers } from './support/integration';
import { TestPlatform, type Infrastructure } from './support/platform';

const ACTIVATION_LINK = /https:\/\/dashboard\.gym\.example\.test\/activate\?token=([\w-]+)/;

describe.each<Infrastructure>(['embedded', 'servers'])(
  'main flow on %s infrastructure',
  (infra) => {
    let platform: TestPlatform;

    beforeAll(async () => {
      if (infra === 'servers') {
        await requireServers();
      }
      platform = await TestPlatform.start(infra);
    }, 60_000);

    afterAll(async () => {
      await platform?.stop();
    });

    it('sells, pays for and activates a gym, and both emails arrive', async () => {
      const owner = await platform.signUp();
      const auth = { authorization: `Bearer ${owner.token}` };

      const plans = await platform.wizardHttp.get('/plans').expect(200);
      const plan = plans.body[0];
      expect(plan).toEqual(
        expect.objectContaining({ id: expect.any(String), amount: expect.any(Number) }),
      );

      const created = await platform.wizardHttp
        .post('/gyms')
        .set(auth)
        .send({ name: 'Iron & <Oak> Gym', planId: plan.id })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Iron & <Oak> Gym',
        planId: plan.id,
        status: 'draft',
        license: null,
        cancelAtPeriodEnd: false,
        currentPeriodEnd: null,
      });
      const gymId: string = created.body.id;

      const checkout = await platform.wizardHttp
        .post(`/gyms/${gymId}/checkout`)
        .set(auth)
        .send({})
        .expect(201);
      expect(checkout.body).toEqual({
        sessionId: expect.stringMatching(/^cs_/),
        url: expect.any(String),
      });

      const [sessionRequest] = platform.stripe.requestsTo('POST', '/v1/checkout/sessions');
      expect(sessionRequest.body).toEqual(
        expect.objectContaining({
          mode: 'subscription',
          client_reference_id: gymId,
          metadata: expect.objectContaining({ gym_id: gymId }),
        }),
      );
      expect(sessionRequest.headers['idempotency-key']).toEqual(expect.any(String));

      const event = stripeFixture('checkout.session.completed.paid', {
        eventId: `evt_flow_${gymId.slice(0, 8)}`,
        gymId,
        objectId: checkout.body.sessionId,
        created: unixSecondsFromNow(),
      });
      const delivered = await platform.deliver(event).expect(200);
      expect(delivered.body).toEqual({ received: true, outcome: 'processed' });

      const paid = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(paid.body.status).toBe('paid');
      expect(paid.body.license).toEqual(
        expect.objectContaining({ planId: plan.id, limits: plan.limits, status: 'active' }),
      );
      expect(new Date(paid.body.license.validUntil).getTime()).toBeGreaterThan(Date.now());

      const activationEmail = await platform.waitForEmail(owner.email, 'Activate');
      expect(activationEmail.html).toContain('Iron &amp; &lt;Oak&gt; Gym');
      expect(activationEmail.text).toContain('Iron & <Oak> Gym');
      const token = ACTIVATION_LINK.exec(activationEmail.text)?.[1];
      expect(token).toBeDefined();

      const activated = await platform.wizardHttp.post('/activation').send({ token }).expect(200);
      expect(activated.body).toEqual({ gymId, status: 'active' });

      const welcome = await platform.waitForEmail(owner.email, 'Welcome');
      expect(welcome.text).toContain(`https://dashboard.gym.example.test/gyms/${gymId}`);
      expect(welcome.text).toContain('Iron & <Oak> Gym');

      const active = await platform.wizardHttp.get(`/gyms/${gymId}`).set(auth).expect(200);
      expect(active.body.status).toBe('active');

      const payments = await platform.wizardHttp
        .get(`/gyms/${gymId}/payments`)
        .set(auth)
        .expect(200);
      expect(payments.body).toEqual([
        expect.objectContaining({
          amount: 4900,
          currency: 'eur',
          status: 'paid',
          refundedAmount: 0,
        }),
      ]);

      const again = await platform.wizardHttp.post('/activation').send({ token }).expect(410);
      expect(again.body.message).toMatch(/already used/);

      const metrics = (await platform.wizardHttp.get('/metrics').expect(200)).text;
      expect(metrics).toContain('stripe_webhook_deliveries_total{outcome="processed"} 1');
      expect(metrics).toContain('email_outbox_emails_total{outcome="sent"} 2');
      expect(metrics).toMatch(
        /http_request_duration_seconds_count\{method="POST",route="\/activation",status="200"\} 1/,
      );
      expect(metrics).not.toContain(token);
    });

    it('prints no configured secret in any log line or error body', async () => {
      const bodies = [
        (await platform.wizardHttp.post('/gyms').send({})).text,
        (await platform.wizardHttp.post('/webhooks/stripe').send('{"id":"evt_x"}')).text,
        (
          await platform.identityHttp
            .post('/auth/login')
            .send({ email: 'x@y.test', password: 'nope-nope' })
        ).text,
      ];

      const secretValues = Object.values(platform.secrets).flatMap((value) => [
        value,
        ...value
          .split('\n')
          .filter((line: string) => line.length > 16 && !line.startsWith('-----')),
      ]);
      const everything = [...platform.logLines, ...bodies].join('\n');
      expect(platform.logLines.length).toBeGreaterThan(10);
      for (const secret of secretValues) {
        expect(everything).not.toContain(secret);
      }
    });
  },
);
