import { emailFingerprint, maskEmail } from './email-privacy';

describe('email privacy in security events', () => {
  it('masks all of the mailbox but its first letter', () => {
    expect(maskEmail('owner@gym.example.test')).toBe('o***@gym.example.test');
    expect(maskEmail('no-at-sign')).toBe('***');
  });

  it('gives one fingerprint for every spelling of one address, and another for another', () => {
    expect(emailFingerprint(' Owner@Gym.test ')).toBe(emailFingerprint('owner@gym.test'));
    expect(emailFingerprint('owner@gym.test')).toMatch(/^[0-9a-f]{16}$/);
    expect(emailFingerprint('other@gym.test')).not.toBe(emailFingerprint('owner@gym.test'));
  });
});
