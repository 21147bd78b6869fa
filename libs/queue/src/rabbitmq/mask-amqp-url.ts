/** The URL as safe to log: the password replaced, everything else kept for diagnosis. */
export function maskAmqpUrl(url: string): string {
  if (!URL.canParse(url)) {
    return '<unparseable AMQP URL>';
  }

  const parsed = new URL(url);
  if (parsed.password) {
    parsed.password = '***';
  }

  return parsed.toString();
}
