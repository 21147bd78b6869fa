import type { TwoFactorChallenge } from './two-factor-challenge.entity';

export type CodeRefusal = 'wrong' | 'too_many_attempts' | 'expired' | 'no_longer_valid';

export type CodeCheck =
  | { ok: true; challenge: Pick<TwoFactorChallenge, 'id' | 'userId' | 'phone'> }
  | { ok: false; refusal: CodeRefusal; triesLeft?: number; userId?: string };

/** What a person is told about a refused code; the same for every kind of challenge. */
export function refusalMessage(check: Extract<CodeCheck, { ok: false }>, askAgain: string): string {
  switch (check.refusal) {
    case 'wrong':
      return `The code is wrong; ${check.triesLeft} ${check.triesLeft === 1 ? 'try' : 'tries'} left.`;
    case 'too_many_attempts':
      return `Too many wrong codes: this one no longer works. ${askAgain}`;
    case 'expired':
      return `The code has expired. ${askAgain}`;
    case 'no_longer_valid':
      return `This code is no longer valid. ${askAgain}`;
  }
}
