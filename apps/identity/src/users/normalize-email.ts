/**
 * The key that makes `Owner@X.test` and `owner@x.test` one account. NFC joins the two
 * spellings of an accented letter; `toLowerCase` is locale-free, so no Turkish dotless-i
 * style folding happens.
 */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
