import { InvalidRequestError } from '@app/common';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe('password policy', () => {
  it('accepts 8 characters, and passphrases of 64, 200 and 1024', () => {
    for (const length of [8, 64, 200, 1024]) {
      expect(passwordProblem('kq7'.repeat(400).slice(0, length))).toBeUndefined();
    }
  });

  it('refuses fewer than 8 characters and more than 1024, saying the limit', () => {
    expect(passwordProblem('kq7-zx4')).toBe('password must be at least 8 characters long');
    expect(passwordProblem('k'.repeat(1025))).toBe('password must be at most 1024 characters long');
  });

  it('counts a character outside the BMP as one, not as two UTF-16 units', () => {
    expect(passwordProblem('\u{1F3CB}'.repeat(7))).toMatch(/at least 8/);
    expect(passwordProblem('\u{1F3CB}'.repeat(8))).toBeUndefined();
  });

  it('asks for no mix of letters, digits or symbols', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
    expect(passwordProblem('zqxwvmtplkjh')).toBeUndefined();
  });

  it('refuses the most common passwords, whatever their case', () => {
    for (const common of ['password', 'PassWord1', '12345678', 'iloveyou', 'QWERTYUIOP']) {
      expect(passwordProblem(common)).toMatch(/one of the most common passwords/);
    }
  });

  it('throws a client error with the same message', () => {
    expect(() => assertAcceptablePassword('password1')).toThrow(InvalidRequestError);
    expect(() => assertAcceptablePassword('password1')).toThrow(/most common passwords/);
  });
});
