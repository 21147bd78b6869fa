import { DynamicModule, Logger, Module, OnModuleInit } from '@nestjs/common';
import { AccessTokenIssuer } from './access-token.issuer';
import { JwksController } from './jwks.controller';
import { SigningKey } from './signing-key';
import { SigningKeys } from './signing-keys';

@Module({})
export class SigningModule implements OnModuleInit {
  private readonly logger = new Logger(SigningModule.name);

  constructor(private readonly keys: SigningKeys) {}

  static register(keys: SigningKeys): DynamicModule {
    return {
      module: SigningModule,
      global: true,
      providers: [
        { provide: SigningKeys, useValue: keys },
        { provide: SigningKey, useValue: keys.current },
        AccessTokenIssuer,
      ],
      controllers: [JwksController],
      exports: [SigningKeys, SigningKey, AccessTokenIssuer],
    };
  }

  onModuleInit(): void {
    const { current, previousKids } = this.keys;
    this.logger.log(
      { kid: current.kid, origin: current.origin, previousKids },
      'Signing access tokens',
    );
  }
}
