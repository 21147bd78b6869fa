import { DynamicModule, Logger, Module, OnModuleInit } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token.issuer';
import { JwksController } from './jwks.controller';
import { SigningKey } from './signing-key';

@Module({})
export class SigningModule implements OnModuleInit {
  private readonly logger = new Logger(SigningModule.name);

  constructor(private readonly key: SigningKey) {}

  static register(key: SigningKey): DynamicModule {
    return {
      module: SigningModule,
      global: true,
      providers: [{ provide: SigningKey, useValue: key }, AccessTokenIssuer],
      controllers: [JwksController],
      exports: [SigningKey, AccessTokenIssuer],
    };
  }

  onModuleInit(): void {
    this.logger.log({ kid: this.key.kid, origin: this.key.origin }, 'Signing access tokens');
  }
}
