import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from './account-rules';

let commonPasswords: Set<string> | undefined;

/**
 * The common-password list of zxcvbn-ts (49k entries, all lower case), built into a set on
 * first use. Entries shorter than the minimum length are left out: those are refused anyway.
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    dictionary['passwords-common'].filter((entry) => codePoints(entry) >= PASSWORD_MIN_LENGTH),
  );

  return commonPasswords.has(comparable(password));
}

/** Case, and the several Unicode spellings of one character, do not make a password rarer. */
function comparable(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

export function codePoints(text: string): number {
  return [...text].length;
}
