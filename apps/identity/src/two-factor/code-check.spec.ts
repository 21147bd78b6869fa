import { refusalMessage } from './code-check';
import { dailyCapReached } from './too-many-requests';

describe('refusalMessage', () => {
  it('says how many tries are left, or what to do next', () => {
    const again = 'Log in again for a new code.';

    expect(refusalMessage({ ok: false, refusal: 'wrong', triesLeft: 2 }, again)).toBe(
      'The code is wrong; 2 tries left.',
    );
    expect(refusalMessage({ ok: false, refusal: 'wrong', triesLeft: 1 }, again)).toBe(
      'The code is wrong; 1 try left.',
    );
    expect(refusalMessage({ ok: false, refusal: 'too_many_attempts' }, again)).toBe(
      `Too many wrong codes: this one no longer works. ${again}`,
    );
    expect(refusalMessage({ ok: false, refusal: 'expired' }, again)).toBe(
      `The code has expired. ${again}`,
    );
  });
});

describe('dailyCapReached', () => {
  it('asks to come back at the next UTC midnight', () => {
    const error = dailyCapReached('cap', new Date('2026-12-03T23:59:30.000Z'));

    expect(error.retryAfterSeconds).toBe(30);
    expect(dailyCapReached('cap', new Date('2026-12-03T00:00:00.000Z')).retryAfterSeconds).toBe(
      86_400,
    );
  });
});
