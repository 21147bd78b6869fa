import { ApiErrors, Public } from '@app/common';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ClientOrigin, type RequestOrigin } from '../security-events/request-origin';
import { TwoFactorRequiredResponse } from '../two-factor/dto/two-factor.responses';
import { UserResponse } from '../users/user.response';
import { LoginRequest } from './dto/login.request';
import { RefreshTokenRequest } from './dto/refresh-token.request';
import { RegisterRequest } from './dto/register.request';
import { TokenPairResponse } from './dto/token-pair.response';
import { RegistrationService } from './registration.service';
import { SessionsService, TokenPair } from './sessions.service';

const LIMITED =
  'Attempts are limited per account and per IP: after the free ones, each waits twice as ' +
  'long as the one before (429 with Retry-After).';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly registration: RegistrationService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account', description: LIMITED })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 409, 429)
  async register(
    @Body() body: RegisterRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<UserResponse> {
    const { id, email, name } = await this.registration.register(body, origin);

    return { id, email, name };
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange email and password for a token pair',
    description:
      `${LIMITED} A disabled account answers 403, once the password is right. ` +
      'With SMS 2FA on, the answer is {twoFactorRequired, challengeId} and a code goes to the ' +
      "account's number: POST /auth/2fa/verify gives the pair (503 when no SMS can go out).",
  })
  @ApiExtraModels(TokenPairResponse, TwoFactorRequiredResponse)
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(TokenPairResponse) },
        { $ref: getSchemaPath(TwoFactorRequiredResponse) },
      ],
    },
  })
  @ApiErrors(400, 401, 403, 429, 503)
  login(
    @Body() body: LoginRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<TokenPair | TwoFactorRequiredResponse> {
    return this.sessions.login(body, origin);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Spend a refresh token for a new pair',
    description:
      'Each refresh token works once. Presented again within REFRESH_TOKEN_REUSE_GRACE_SECONDS ' +
      '(two tabs at once) it gives the same new refresh token; any later reuse ends the session.',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401)
  refresh(
    @Body() body: RefreshTokenRequest,
    @ClientOrigin() origin: RequestOrigin,
  ): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken, origin);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Done, whether or not the token was live' })
  @ApiErrors(400)
  logout(@Body() body: RefreshTokenRequest, @ClientOrigin() origin: RequestOrigin): Promise<void> {
    return this.sessions.logout(body.refreshToken, origin);
  }
}
