export interface EmailHealth {
  ok: boolean;
  /** Safe to show on a health page: never holds a key, a password or a URL with credentials. */
  detail?: string;
}

/** Every adapter can report whether it could send right now; the check never throws. */
export interface EmailHealthCheck {
  healthCheck(): Promise<EmailHealth>;
}

/** For a health indicator that holds EMAIL_SERVICE: every adapter here passes it. */
export function hasEmailHealthCheck<Service extends object>(
  service: Service,
): service is Service & EmailHealthCheck {
  return typeof (service as Partial<EmailHealthCheck>).healthCheck === 'function';
}
