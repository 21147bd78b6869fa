import { mailjetConnection } from './mailjet-connection';

describe('mailjetConnection', () => {
  it('leaves the SDK defaults alone without overrides', () => {
    expect(mailjetConnection()).toEqual({ host: undefined, proxy: undefined });
  });

  it('turns an https base URL into the SDK host, path prefix included', () => {
    expect(mailjetConnection('https://mj.example.test:8443/prefix/')).toEqual({
      host: 'mj.example.test:8443/prefix',
      proxy: undefined,
    });
  });

  it('reaches a plain-http base URL through the proxy option', () => {
    expect(mailjetConnection('http://127.0.0.1:4010')).toEqual({
      host: '127.0.0.1:4010',
      proxy: { protocol: 'http', host: '127.0.0.1', port: 4010 },
    });
  });

  it('passes a proxy URL with its credentials to the SDK', () => {
    expect(mailjetConnection(undefined, 'http://user:p%40ss@127.0.0.1:3128')).toEqual({
      proxy: {
        protocol: 'http',
        host: '127.0.0.1',
        port: 3128,
        auth: { username: 'user', password: 'p@ss' },
      },
    });
  });

  it('refuses a proxy together with an http base URL', () => {
    expect(() => mailjetConnection('http://127.0.0.1:4010', 'http://127.0.0.1:3128')).toThrow(
      'cannot be combined',
    );
  });

  it('names the bad option without quoting its value', () => {
    expect(() => mailjetConnection(undefined, 'not a url :secret')).toThrow(
      /^Mailjet proxyUrl is not a valid URL$/,
    );
    expect(() => mailjetConnection('ftp://127.0.0.1')).toThrow('must be an http or https URL');
  });
});
