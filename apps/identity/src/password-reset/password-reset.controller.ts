import { ApiErrors, Public } from '@app/common';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClientOrigin, type RequestOrigin } from '../security-events/request-origin';
import { ConfirmPasswordResetRequest } from './dto/confirm-password-reset.request';
import {
  PASSWORD_RESET_ACCEPTED,
  PasswordResetAcceptedResponse,
} from './dto/password-reset-accepted.response';
import { PasswordResetRequest } from './dto/password-reset.request';
import { PasswordResetConfirmation } from './password-reset-confirmation';
import { PasswordResetIntake } from './password-reset-intake';

@ApiTags('auth')
@Public()
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(
    private readonly intake: PasswordResetIntake,
    private readonly confirmation: PasswordResetConfirmation,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Email a link to choose a new password',
    description:
      'Answers 202 with the same body, in about the same time, whether or not an account has ' +
      'the email. For an account, a link valid for PASSWORD_RESET_TOKEN_TTL_MINUTES goes to ' +
      'its stored address; it voids any earlier link.',
  })
  @ApiAcceptedResponse({ type: PasswordResetAcceptedResponse })
  @ApiErrors(400, 429)
  async request(
    @Body() body: PasswordResetRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<PasswordResetAcceptedResponse> {
    await this.intake.accept(body.email, origin);

    return PASSWORD_RESET_ACCEPTED;
  }

  @Post('confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Set a new password with the token from the reset link',
    description:
      'Spends the link, sets the password, ends every session of the account (its refresh ' +
      'tokens stop working) and emails a notice. 400 for a token never issued, 410 for one ' +
      'used, replaced by a newer link or expired, 403 for a disabled account; then nothing ' +
      'changes.',
  })
  @ApiNoContentResponse({ description: 'The password is changed' })
  @ApiErrors(400, 403, 410, 429)
  confirm(
    @Body() body: ConfirmPasswordResetRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<void> {
    return this.confirmation.confirm(body, origin);
  }
}
