import { parseCreateAdminArgs, UsageError } from './create-admin-args';

describe('parseCreateAdminArgs', () => {
  it('reads email, password and name', () => {
    expect(
      parseCreateAdminArgs(['--email', 'a@b.test', '--password', 'long-enough', '--name', 'Ada']),
    ).toEqual({
      help: false,
      request: { email: 'a@b.test', password: 'long-enough', name: 'Ada' },
    });
  });

  it('leaves the password out when it is not given', () => {
    expect(parseCreateAdminArgs(['--email=a@b.test'])).toEqual({
      help: false,
      request: { email: 'a@b.test', password: undefined, name: undefined },
    });
  });

  it('answers --help', () => {
    expect(parseCreateAdminArgs(['--help'])).toEqual({ help: true });
    expect(parseCreateAdminArgs(['-h'])).toEqual({ help: true });
  });

  it('refuses a missing email, an unknown option and stray words', () => {
    expect(() => parseCreateAdminArgs(['--password', 'long-enough'])).toThrow(UsageError);
    expect(() => parseCreateAdminArgs(['--email', 'a@b.test', '--role', 'x'])).toThrow(UsageError);
    expect(() => parseCreateAdminArgs(['--email', 'a@b.test', 'extra'])).toThrow(UsageError);
    expect(() => parseCreateAdminArgs(['--email'])).toThrow(UsageError);
  });
});
