import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenVerifier } from './access-token.verifier';
import { AuthGuard } from './auth.guard';
import { ConfigurableAuthModule } from './auth.options';

@Module({
  providers: [AccessTokenVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenVerifier],
})
export class AuthModule extends ConfigurableAuthModule {}
