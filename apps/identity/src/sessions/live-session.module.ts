import { SESSION_VALIDATOR } from '@app/common';
import { Global, Module } from '@nestjs/common';
import { LiveSessionValidator } from './live-session.validator';

/** Global, so the shared AuthGuard finds the validator wherever it runs. */
@Global()
@Module({
  providers: [{ provide: SESSION_VALIDATOR, useClass: LiveSessionValidator }],
  exports: [SESSION_VALIDATOR],
})
export class LiveSessionModule {}
