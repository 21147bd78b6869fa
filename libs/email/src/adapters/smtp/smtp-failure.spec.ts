import { smtpFailure } from './smtp-failure';

/** Errors shaped as nodemailer 10 builds them (see its errors.d.ts), for the rarer cases. */
describe('smtpFailure', () => {
  const nodemailerError = (fields: Record<string, unknown>) =>
    Object.assign(new Error('from nodemailer'), fields);

  it('keeps a 503 (session out of step) transient, unlike other 5xx', () => {
    const error = smtpFailure(nodemailerError({ code: 'EPROTOCOL', responseCode: 503 }));

    expect(error.kind).toBe('unavailable');
  });

  it('treats a temporary authentication failure (454) as transient', () => {
    const error = smtpFailure(nodemailerError({ code: 'EAUTH', responseCode: 454 }));

    expect(error).toMatchObject({ kind: 'unavailable', status: 454 });
  });

  it('treats missing credentials as permanent', () => {
    expect(smtpFailure(nodemailerError({ code: 'ENOAUTH' })).kind).toBe('permanent');
  });

  it('treats a system connect timeout as a timeout', () => {
    const error = smtpFailure(nodemailerError({ code: 'ESOCKET', originalCode: 'ETIMEDOUT' }));

    expect(error.kind).toBe('timeout');
  });

  it('treats our own deadline (EABORT) as a timeout', () => {
    expect(smtpFailure(nodemailerError({ code: 'EABORT' })).kind).toBe('timeout');
  });

  it('keeps only the reply code of an authentication refusal', () => {
    const error = smtpFailure(
      nodemailerError({
        code: 'EAUTH',
        responseCode: 535,
        command: 'AUTH PLAIN',
        response: '535 5.7.8 bad credentials AGd5bQBodW50ZXIy',
      }),
    );

    expect(error.message).toBe('SMTP server answered 535 to AUTH PLAIN (authentication failed)');
  });

  it('survives something that is not an error at all', () => {
    expect(smtpFailure('boom')).toMatchObject({ kind: 'unavailable', message: 'SMTP send failed' });
  });
});
