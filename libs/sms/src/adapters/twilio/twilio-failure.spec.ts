import { twilioFailure } from './twilio-failure';

const AUTH_HEADER = `Basic ${Buffer.from('AC1:secret-token-123').toString('base64')}`;

describe('twilioFailure', () => {
  it('reads the code of a RestException-like error and drops its message', () => {
    const error = twilioFailure({
      status: 400,
      code: 21610,
      message: 'To +4915123456789 opted out',
    });

    expect(error).toMatchObject({ kind: 'opted_out', providerCode: 21610, status: 400 });
    expect(error.message).toBe(
      'SMS not sent: the recipient has opted out of messages from this sender ' +
        '(Twilio error 21610, HTTP 400)',
    );
  });

  it('falls back to the status when the code is unknown or no integer', () => {
    expect(twilioFailure({ status: 503, code: 'x' }).kind).toBe('unavailable');
    expect(twilioFailure({ status: 403, code: 99999 }).kind).toBe('config');
    expect(twilioFailure({ status: 404 }).kind).toBe('rejected');
  });

  it('keeps nothing of a transport error, whose config holds the Authorization header', () => {
    const axiosLike = Object.assign(new Error(`connect ECONNRESET ${AUTH_HEADER}`), {
      code: 'ECONNRESET',
      config: { headers: { Authorization: AUTH_HEADER } },
    });

    const error = twilioFailure(axiosLike);

    expect(error).toMatchObject({
      kind: 'unavailable',
      message: 'Twilio could not be reached (ECONNRESET)',
    });
    expect(JSON.stringify(error)).not.toContain('secret-token');
    expect(error.cause).toBeUndefined();
  });

  it('does not quote a code that does not look like one', () => {
    expect(twilioFailure({ code: 'token=abc def' }).message).toBe('Twilio request failed');
    expect(twilioFailure('a string').message).toBe('Twilio request failed');
    expect(twilioFailure(null).kind).toBe('unavailable');
  });
});
