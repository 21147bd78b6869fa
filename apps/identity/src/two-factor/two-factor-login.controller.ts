import { ApiErrors, Public } from '@app/common';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientOrigin, type RequestOrigin } from '../security-events/request-origin';
import { TokenPairResponse } from '../sessions/dto/token-pair.response';
import { SessionsService, TokenPair } from '../sessions/sessions.service';
import { ResendCodeRequest } from './dto/resend-code.request';
import { TwoFactorRequiredResponse } from './dto/two-factor.responses';
import { VerifyLoginRequest } from './dto/verify-login.request';
import { LoginSecondFactor } from './login-second-factor';

@ApiTags('auth')
@Public()
@Controller('auth/2fa')
export class TwoFactorLoginController {
  constructor(
    private readonly secondFactor: LoginSecondFactor,
    private readonly sessions: SessionsService,
  ) {}

  @Post('verify')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Finish a login with the SMS code: answers the token pair, as login does',
    description:
      'Each code works once, for its own challenge, until it expires; five wrong codes end the ' +
      'challenge (log in again for a new one).',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401)
  async verify(
    @Body() body: VerifyLoginRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<TokenPair> {
    const user = await this.secondFactor.verify(body.challengeId, body.code, origin);

    return this.sessions.issuePair(user, origin);
  }

  @Post('resend')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Send a new code for a login challenge; the earlier code stops working',
    description: 'Waits SMS_RESEND_COOLDOWN_SECONDS between codes; wrong tries so far still count.',
  })
  @ApiOkResponse({ type: TwoFactorRequiredResponse })
  @ApiErrors(400, 401, 429, 503)
  resend(
    @Body() body: ResendCodeRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<TwoFactorRequiredResponse> {
    return this.secondFactor.resend(body.challengeId, origin);
  }
}
