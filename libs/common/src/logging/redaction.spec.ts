import { Writable } from 'node:stream';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { createLoggingModule } from './logging.module';
import { redactLine } from './redaction';

const line = (value: object): string => `${JSON.stringify(value)}\n`;

describe('redactLine', () => {
  it('censors a sensitive key at any depth, in objects and arrays', () => {
    const deep = { a: { b: { c: { d: { e: { token: 'tok_1' } } } } } };
    const listed = { attempts: [{ phone: '+4915112345678' }, { ok: true }] };

    expect(JSON.parse(redactLine(line(deep)))).toEqual({
      a: { b: { c: { d: { e: { token: '[REDACTED]' } } } } },
    });
    expect(JSON.parse(redactLine(line(listed)))).toEqual({
      attempts: [{ phone: '[REDACTED]' }, { ok: true }],
    });
  });

  it('matches keys without regard to case, and censors whole objects under them', () => {
    const headers = { headers: { Authorization: 'Bearer abc', 'Stripe-Signature': 't=1,v1=f' } };
    const nested = { auth: { user: 'a', pass: 'b' } };

    expect(JSON.parse(redactLine(line(headers)))).toEqual({
      headers: { Authorization: '[REDACTED]', 'Stripe-Signature': '[REDACTED]' },
    });
    expect(JSON.parse(redactLine(line(nested)))).toEqual({ auth: '[REDACTED]' });
  });

  it('gives back the very line when no key is sensitive, also when a value names one', () => {
    const plain = line({ msg: 'the "token": field was missing', tokenCount: 2 });

    expect(redactLine(plain)).toBe(plain);
  });

  it('keeps the line ending and drops what is not JSON rather than print it', () => {
    expect(redactLine(line({ password: 'x' }))).toBe('{"password":"[REDACTED]"}\n');
    expect(redactLine('{"password": "hunter2" oops')).not.toContain('hunter2');
  });
});

describe('the service logger', () => {
  it('writes no sensitive value, wherever it sits in what is logged', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const moduleRef = await Test.createTestingModule({
      imports: [createLoggingModule({ service: 'spec', level: 'info', secrets: [], destination })],
    }).compile();
    const logger = moduleRef.get(Logger);

    logger.log(
      { request: { headers: { cookie: 'sid=s3cr3t' } }, steps: [{ resetUrl: 'https://x/r?t=1' }] },
      'Something happened',
    );
    await moduleRef.close();

    const written = lines.join('');
    expect(written).toContain('Something happened');
    expect(written).not.toContain('s3cr3t');
    expect(written).not.toContain('https://x/r');
  });
});
