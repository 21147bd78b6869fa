import { Public } from '@app/common';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwksResponse } from './jwks.response';
import { SigningKey } from './signing-key';

@ApiTags('keys')
@Controller('.well-known')
export class JwksController {
  constructor(private readonly key: SigningKey) {}

  @Get('jwks.json')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The public keys that verify access tokens' })
  @ApiOkResponse({ type: JwksResponse })
  jwks(): JwksResponse {
    return { keys: [this.key.publicJwk] };
  }
}
