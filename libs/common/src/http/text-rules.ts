import { ValidateBy } from 'class-validator';

/**
 * Characters with nothing to see (default ignorables such as U+200B or U+034F, format and
 * control characters, line separators): two emails that look alike would differ. Letters of
 * other scripts that look Latin (a Cyrillic а) still pass: refusing those needs Unicode's
 * confusables data (UTS #39), worth adding once look-alike accounts are seen.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u;

/**
 * Control characters, and the embeddings, overrides and isolates that turn the text after them
 * around ("gnp.exe"); the joiners inside emoji stay allowed.
 */
const CONTROLS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

function refusing(name: string, pattern: RegExp, what: string): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !pattern.test(value),
      defaultMessage: (args) => `${args?.property ?? 'text'} must not contain ${what}`,
    },
  });
}

/** For emails and other identifiers, which people compare by eye. */
export const NoInvisibleCharacters = (): PropertyDecorator =>
  refusing('noInvisibleCharacters', INVISIBLE, 'invisible characters (such as U+200B)');

/** For names shown to others. */
export const NoControlCharacters = (): PropertyDecorator =>
  refusing(
    'noControlCharacters',
    CONTROLS,
    'control characters or text-direction controls (U+202A-U+202E, U+2066-U+2069)',
  );
