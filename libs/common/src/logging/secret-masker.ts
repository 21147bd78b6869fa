const MASK = '[REDACTED]';

// Shorter values would mask ordinary words; no real secret is this short.
const MIN_SECRET_LENGTH = 8;

/**
 * The last line of defence: known secret values (keys from config) are cut out of every
 * serialized log line, whatever path they came by.
 */
export class SecretMasker {
  private readonly secrets: string[];

  constructor(secrets: Array<string | undefined>) {
    this.secrets = [...new Set(secrets.filter(isMaskable))].sort((a, b) => b.length - a.length);
  }

  mask(line: string): string {
    let masked = line;
    for (const secret of this.secrets) {
      if (masked.includes(secret)) {
        masked = masked.split(secret).join(MASK);
      }
    }

    return masked;
  }
}

function isMaskable(value: string | undefined): value is string {
  return typeof value === 'string' && value.length >= MIN_SECRET_LENGTH;
}
