import { Public } from '@app/common';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwksResponse } from './jwks.response';
import { SigningKeys } from './signing-keys';

@ApiTags('keys')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: SigningKeys) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The public keys that verify access tokens',
    description: 'The signing key first, then previous keys until the tokens they signed expire.',
  })
  @ApiOkResponse({ type: JwksResponse })
  jwks(): JwksResponse {
    return { keys: this.keys.jwks };
  }
}
