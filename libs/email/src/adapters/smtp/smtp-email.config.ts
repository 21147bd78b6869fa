export interface SmtpEmailConfig {
  /** smtp://host:port (Mailpit: smtp://127.0.0.1:1025), or smtps://user:pass@host:465. */
  smtpUrl: string;
  fromEmail: string;
  fromName: string;
  /** Bounds connecting, the greeting, each wait on the socket, and the whole send. */
  timeoutMs: number;
}
