import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import { Body, Controller, Delete, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ConfirmCodeRequest } from './dto/confirm-code.request';
import { DisableTwoFactorRequest } from './dto/disable-two-factor.request';
import { EnableSmsRequest } from './dto/enable-sms.request';
import { CodeSentResponse, TwoFactorStatusResponse } from './dto/two-factor.responses';
import { ClientOrigin, type RequestOrigin } from '../security-events/request-origin';
import { TwoFactorDisabling } from './two-factor-disabling';
import { TwoFactorEnabling } from './two-factor-enabling';

@ApiTags('two-factor')
@ApiBearerAuth()
@Controller('me/2fa')
export class TwoFactorController {
  constructor(
    private readonly enabling: TwoFactorEnabling,
    private readonly disabling: TwoFactorDisabling,
  ) {}

  @Post('sms')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a code to a number, to turn SMS sign-in codes on',
    description:
      'The number must be a mobile of a country in SMS_ALLOWED_COUNTRIES. Nothing changes on ' +
      'the account until POST /me/2fa/sms/confirm; asking again voids the earlier code.',
  })
  @ApiAcceptedResponse({ type: CodeSentResponse })
  @ApiErrors(400, 401, 409, 429, 503)
  requestEnable(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: EnableSmsRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<CodeSentResponse> {
    return this.enabling.request(user.id, body.phone, origin);
  }

  @Post('sms/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Turn SMS sign-in codes on with the code sent to the new number',
    description: 'Five wrong codes end the code; then ask for a new one.',
  })
  @ApiOkResponse({ type: TwoFactorStatusResponse })
  @ApiErrors(400, 401, 409)
  confirmEnable(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ConfirmCodeRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<TwoFactorStatusResponse> {
    return this.enabling.confirm(user.id, body.code, origin);
  }

  @Post('sms/code')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a code to the verified number, to prove DELETE /me/2fa without the password',
  })
  @ApiAcceptedResponse({ type: CodeSentResponse })
  @ApiErrors(401, 409, 429, 503)
  requestDisableCode(
    @CurrentUser() user: AuthenticatedUser,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<CodeSentResponse> {
    return this.disabling.requestCode(user.id, origin);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Turn SMS sign-in codes off, with the password or a current code',
    description: 'Send exactly one of password and code. 403 when the proof is wrong.',
  })
  @ApiNoContentResponse({ description: 'SMS sign-in codes are off' })
  @ApiErrors(400, 401, 403, 409, 429)
  disable(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: DisableTwoFactorRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    return this.disabling.disable(user.id, body, origin);
  }
}
