export {
  EmailOutbox,
  ENQUEUE_EMAIL,
  type EmailToEnqueue,
  type EnqueuedEmail,
} from './email-outbox';
export {
  EmailOutboxAdmin,
  type EmailOutboxQuery,
  type EmailOutboxSummary,
} from './email-outbox-admin';
export { EmailOutboxEntry } from './email-outbox-entry.entity';
export { EMAIL_OUTBOX_STATUSES, type EmailOutboxStatus } from './email-outbox-status';
export { EmailOutboxMetrics, type EmailOutboxCounts } from './email-outbox.metrics';
export { EmailOutboxModule } from './email-outbox.module';
export {
  InvalidEmailOutboxOptionsError,
  type EmailOutboxModuleOptions,
} from './email-outbox.options';
export type { EmailRenderer } from './email-renderer';
export { CreateEmailOutbox1796336272589 } from './migrations/1796336272589-create-email-outbox';
export { EMAIL_QUEUE_DEFINITION } from './email-outbox.tokens';
