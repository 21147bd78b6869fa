export interface SmsHealth {
  ok: boolean;
  /** Safe to show on a health page: never holds a credential or a phone number. */
  detail?: string;
}

/** Every adapter can report whether it could send right now; the check never throws. */
export interface SmsHealthCheck {
  healthCheck(): Promise<SmsHealth>;
}

/** For a health indicator that holds SMS_SERVICE: every adapter here passes it. */
export function hasSmsHealthCheck<Service extends object>(
  service: Service,
): service is Service & SmsHealthCheck {
  return typeof (service as Partial<SmsHealthCheck>).healthCheck === 'function';
}
