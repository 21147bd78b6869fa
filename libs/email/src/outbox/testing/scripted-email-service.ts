import type { EmailMessage, EmailSendResult, IEmailService } from '../../email.interface';

export interface SendAttempt {
  message: EmailMessage;
  at: number;
  accepted: boolean;
}

/** A provider that answers from a script, per recipient, then accepts; it records every attempt. */
export class ScriptedEmailService implements IEmailService {
  readonly provider = 'scripted';
  readonly attempts: SendAttempt[] = [];

  private readonly scripts = new Map<string, unknown[]>();
  private sendDelayMs = 0;

  /** The next sends to `to` throw these, in order; later ones are accepted. */
  failNext(to: string, ...errors: unknown[]): this {
    this.scripts.set(to, [...(this.scripts.get(to) ?? []), ...errors]);

    return this;
  }

  /** Each send takes this long, so that concurrent workers overlap. */
  slowDown(ms: number): this {
    this.sendDelayMs = ms;

    return this;
  }

  async send(message: EmailMessage): Promise<EmailSendResult> {
    await new Promise((resolve) => setTimeout(resolve, this.sendDelayMs));
    const failure = this.scripts.get(message.to)?.shift();

    this.attempts.push({ message: { ...message }, at: Date.now(), accepted: !failure });
    if (failure) {
      throw failure;
    }

    return { provider: this.provider, providerMessageId: `scripted-${message.customId}` };
  }

  sent(): EmailMessage[] {
    return this.attempts.filter((attempt) => attempt.accepted).map((attempt) => attempt.message);
  }

  attemptsTo(to: string): SendAttempt[] {
    return this.attempts.filter((attempt) => attempt.message.to === to);
  }

  /** How many times each outbox row was accepted by the provider. */
  acceptedPerRow(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.sent()) {
      counts.set(message.customId, (counts.get(message.customId) ?? 0) + 1);
    }

    return counts;
  }

  reset(): void {
    this.attempts.length = 0;
    this.scripts.clear();
    this.sendDelayMs = 0;
  }
}
