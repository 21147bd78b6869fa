import { normalizeEmail } from './normalize-email';

describe('normalizeEmail', () => {
  it('folds case and trims, so one mailbox is one account', () => {
    expect(normalizeEmail('  Owner@X.Test ')).toBe('owner@x.test');
  });

  it('joins the composed and decomposed spellings of an accented letter', () => {
    expect(normalizeEmail('Jose\u0301@x.test')).toBe(normalizeEmail('Jos\u00e9@x.test'));
  });

  it('does not fold the dotless i into an i', () => {
    expect(normalizeEmail('d\u0131ana@x.test')).not.toBe(normalizeEmail('diana@x.test'));
  });
});
