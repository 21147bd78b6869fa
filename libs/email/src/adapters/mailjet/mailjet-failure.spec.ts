import { mailjetFailure } from './mailjet-failure';

/** The rarer shapes; the usual ones go through the real SDK in mailjet-email.service.spec. */
describe('mailjetFailure', () => {
  const withResponse = (status: number, data: unknown = {}) => ({
    code: 'ERR_BAD_REQUEST',
    config: { auth: { username: 'key', password: 'secret' } },
    response: { status, headers: {}, data },
  });

  it('treats a 408 as a timeout', () => {
    expect(mailjetFailure(withResponse(408)).kind).toBe('timeout');
  });

  it('treats a 404 (a wrong base URL) as permanent', () => {
    expect(mailjetFailure(withResponse(404))).toMatchObject({ kind: 'permanent', status: 404 });
  });

  it('keeps a per-message 5xx inside a 400 transient', () => {
    const data = { Messages: [{ Status: 'error', Errors: [{ StatusCode: 503 }] }] };

    expect(mailjetFailure(withResponse(400, data))).toMatchObject({
      kind: 'unavailable',
      status: 503,
    });
  });

  it('cuts a long or multi-line ErrorMessage down to one short line', () => {
    const error = mailjetFailure(withResponse(400, { ErrorMessage: `bad\n${'x'.repeat(500)}` }));

    expect(error.message).not.toContain('\n');
    expect(error.message.length).toBeLessThan(330);
  });

  it('survives something that is not an error at all', () => {
    expect(mailjetFailure(undefined)).toMatchObject({
      kind: 'unavailable',
      message: 'Mailjet request failed',
    });
  });
});
