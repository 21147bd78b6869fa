import { isEmailTemplateName, renderEmail } from './email-templates';

describe('email templates', () => {
  const hostile = '<script>alert("x")</script> & Co\'s';

  describe('activation', () => {
    const data = {
      gymName: 'Iron Gym',
      activationUrl: 'https://dashboard.example.test/activate?token=abc&gym=1',
      expiresAt: new Date('2026-05-01T14:30:00Z'),
    };

    it('renders subject, text and html with every value', () => {
      const email = renderEmail('activation', data);

      expect(email.subject).toBe('Activate Iron Gym');
      expect(email.text).toContain('Iron Gym');
      expect(email.text).toContain('https://dashboard.example.test/activate?token=abc&gym=1');
      expect(email.text).toContain('1 May 2026');
      expect(email.text).toContain('14:30 UTC');
      expect(email.html).toContain(
        'href="https://dashboard.example.test/activate?token=abc&amp;gym=1"',
      );
    });

    it('escapes the gym name in the html', () => {
      const email = renderEmail('activation', { ...data, gymName: hostile });

      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s',
      );
      expect(email.text).toContain(hostile);
    });

    it('takes the ISO string an outbox row gives back', () => {
      const email = renderEmail('activation', { ...data, expiresAt: '2026-05-01T14:30:00.000Z' });

      expect(email.text).toContain('14:30 UTC');
    });

    it('keeps line breaks out of the subject', () => {
      const email = renderEmail('activation', { ...data, gymName: 'Iron\r\nBcc: x@evil.test' });

      expect(email.subject).toBe('Activate Iron Bcc: x@evil.test');
    });

    it('refuses a link that is not a web URL', () => {
      expect(() =>
        renderEmail('activation', { ...data, activationUrl: 'javascript:alert(1)' }),
      ).toThrow('links must be http or https URLs');
    });
  });

  describe('welcome', () => {
    const data = { gymName: 'Iron Gym', dashboardUrl: 'https://dashboard.example.test/gyms/1' };

    it('renders subject, text and html with every value', () => {
      const email = renderEmail('welcome', data);

      expect(email.subject).toContain('Iron Gym');
      expect(email.text).toContain('https://dashboard.example.test/gyms/1');
      expect(email.html).toContain('href="https://dashboard.example.test/gyms/1"');
    });

    it('escapes the gym name in the html', () => {
      const email = renderEmail('welcome', { ...data, gymName: hostile });

      expect(email.html).not.toContain('<script>');
      expect(email.html).toContain('&lt;script&gt;');
    });
  });

  describe('checkout_payment_failed', () => {
    const data = {
      gymName: 'Iron Gym',
      checkoutUrl: 'https://dashboard.example.test/gyms/1/checkout',
    };

    it('tells the owner the payment failed and where to pay again', () => {
      const email = renderEmail('checkout_payment_failed', data);

      expect(email.subject).toBe('Your payment for Iron Gym failed');
      expect(email.text).toContain('https://dashboard.example.test/gyms/1/checkout');
      expect(email.html).toContain('href="https://dashboard.example.test/gyms/1/checkout"');
    });

    it('escapes the gym name in the html', () => {
      const email = renderEmail('checkout_payment_failed', { ...data, gymName: hostile });

      expect(email.html).not.toContain('<script>');
    });
  });

  it('knows its template names', () => {
    expect(isEmailTemplateName('activation')).toBe(true);
    expect(isEmailTemplateName('welcome')).toBe(true);
    expect(isEmailTemplateName('toString')).toBe(false);
  });
});
