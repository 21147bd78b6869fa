const UTC_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** A value fit for a subject line: header line breaks and control characters removed. */
export function singleLine(value: string): string {
  return value.replace(/\p{Cc}+/gu, ' ').trim();
}

/** Accepts a Date or the ISO string it becomes after a trip through JSON (the outbox). */
export function formatUtc(value: Date | string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Error('Email template: expected a date or an ISO timestamp');
  }

  return `${UTC_DATE_TIME.format(date)} UTC`;
}

/** Links in our emails are always web pages; anything else is a bug upstream. */
export function webLink(value: string): string {
  const protocol = URL.canParse(value) ? new URL(value).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error('Email template: links must be http or https URLs');
  }

  return value;
}
