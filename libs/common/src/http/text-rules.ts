import { ValidateBy } from 'class-validator';

/** Format and separator characters: nothing to see, but two emails that look alike differ. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}]/u;

/** Embeddings, overrides and isolates turn the text after them around ("gnp.exe"). */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

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

/** For names shown to others; joiners inside emoji stay allowed. */
export const NoDirectionControls = (): PropertyDecorator =>
  refusing(
    'noDirectionControls',
    DIRECTION_CONTROLS,
    'text-direction controls (U+202A-U+202E, U+2066-U+2069)',
  );
