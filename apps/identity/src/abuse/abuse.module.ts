import { Module } from '@nestjs/common';
import { AbuseCountersSweeper } from './abuse-counters.sweeper';
import { AbuseLimiter } from './abuse-limiter';

/** The shared limiter for sign-in, registration, password reset and 2FA. */
@Module({
  providers: [AbuseLimiter, AbuseCountersSweeper],
  exports: [AbuseLimiter],
})
export class AbuseModule {}
