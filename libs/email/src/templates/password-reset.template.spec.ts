import { renderPasswordResetEmail } from './password-reset.template';

describe('password reset email', () => {
  const data = {
    name: 'Alex Owner',
    resetUrl: 'https://dashboard.example.test/reset-password?token=abc_DEF-123&x=1',
    expiresAt: '2026-05-01T14:30:00.000Z',
  };

  it('carries the link and the time it stops working', () => {
    const email = renderPasswordResetEmail(data);

    expect(email.subject).toBe('Reset your password');
    expect(email.text).toContain(data.resetUrl);
    expect(email.text).toContain('1 May 2026');
    expect(email.text).toContain('14:30 UTC');
    expect(email.html).toContain(
      'href="https://dashboard.example.test/reset-password?token=abc_DEF-123&amp;x=1"',
    );
  });

  it('escapes the name in the html', () => {
    const email = renderPasswordResetEmail({ ...data, name: '<img src=x onerror=alert(1)>' });

    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses a link that is not a web URL', () => {
    expect(() => renderPasswordResetEmail({ ...data, resetUrl: 'javascript:alert(1)' })).toThrow(
      'links must be http or https URLs',
    );
  });
});
