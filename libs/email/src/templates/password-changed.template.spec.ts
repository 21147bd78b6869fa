import { renderPasswordChangedEmail } from './password-changed.template';

describe('password changed email', () => {
  const data = { name: 'Alex Owner', changedAt: new Date('2026-05-01T14:30:00Z') };

  it('says when the password changed and that sessions were ended', () => {
    const email = renderPasswordChangedEmail(data);

    expect(email.subject).toBe('Your password was changed');
    expect(email.text).toContain('1 May 2026');
    expect(email.text).toContain('14:30 UTC');
    expect(email.text).toContain('signed out');
  });

  it('holds no link and escapes the name in the html', () => {
    const email = renderPasswordChangedEmail({ ...data, name: '<b>Alex</b>' });

    expect(email.html).not.toContain('href=');
    expect(email.html).not.toContain('<b>Alex');
    expect(email.html).toContain('&lt;b&gt;Alex&lt;/b&gt;');
  });
});
