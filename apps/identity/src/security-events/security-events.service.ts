import { Injectable, Logger } from '@nestjs/common';
import { emailFingerprint, maskEmail } from './email-privacy';
import { SecurityEvent, SecurityEventName } from './security-event';

// Worth a look by whoever watches the logs.
const WARNINGS: ReadonlySet<SecurityEventName> = new Set([
  'refresh_token.reused',
  'two_factor.failed',
]);

/**
 * One structured log line per security event (context SecurityEvents): what, who, from where.
 * Call it after the change it records has committed.
 */
@Injectable()
export class SecurityEvents {
  private readonly logger = new Logger('SecurityEvents');

  record(event: SecurityEvent): void {
    const line = {
      securityEvent: event.event,
      userId: event.userId,
      actorId: event.actorId,
      sessionId: event.sessionId,
      reason: event.reason,
      emailMasked: event.email === undefined ? undefined : maskEmail(event.email),
      emailFingerprint: event.email === undefined ? undefined : emailFingerprint(event.email),
      ip: event.origin.ip,
      userAgent: event.origin.userAgent,
    };

    if (WARNINGS.has(event.event)) {
      this.logger.warn(line, event.event);
    } else {
      this.logger.log(line, event.event);
    }
  }
}
