import { SESSION_VALIDATOR } from '@app/common';
import { Global, Module } from '@nestjs/common';
import { IdentitySessionValidator } from './identity-session.validator';

/** Global, so the shared AuthGuard finds the validator. */
@Global()
@Module({
  providers: [{ provide: SESSION_VALIDATOR, useClass: IdentitySessionValidator }],
  exports: [SESSION_VALIDATOR],
})
export class IdentitySessionModule {}
