import type { LoggerService } from '@nestjs/common';

export interface CapturedLog {
  level: 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';
  line: string;
}

/** Keeps every log line (message, params and context) so a test can read what was written. */
export class CapturingLogger implements LoggerService {
  readonly lines: CapturedLog[] = [];

  log(message: unknown, ...params: unknown[]): void {
    this.capture('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.capture('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.capture('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.capture('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.capture('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.capture('fatal', message, params);
  }

  at(level: CapturedLog['level']): string[] {
    return this.lines.filter((entry) => entry.level === level).map((entry) => entry.line);
  }

  everything(): string {
    return this.lines.map((entry) => entry.line).join('\n');
  }

  private capture(level: CapturedLog['level'], message: unknown, params: unknown[]): void {
    const parts = [message, ...params].map((part) =>
      typeof part === 'string' ? part : JSON.stringify(part),
    );
    this.lines.push({ level, line: parts.join(' ') });
  }
}
