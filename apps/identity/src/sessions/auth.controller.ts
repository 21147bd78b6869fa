import { ApiErrors, Public } from '@app/common';
import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { UserResponse } from '../users/user.response';
import { UsersService } from '../users/users.service';
import { LoginRequest } from './dto/login.request';
import { RefreshTokenRequest } from './dto/refresh-token.request';
import { RegisterRequest } from './dto/register.request';
import { TokenPairResponse } from './dto/token-pair.response';
import { SessionsService, TokenPair } from './sessions.service';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrors(400, 409)
  async register(@Body() body: RegisterRequest): Promise<UserResponse> {
    const { id, email, name } = await this.users.register(body);

    return { id, email, name };
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange email and password for a token pair' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401)
  login(@Body() body: LoginRequest): Promise<TokenPair> {
    return this.sessions.login(body);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Spend a refresh token for a new pair' })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiErrors(400, 401)
  refresh(@Body() body: RefreshTokenRequest): Promise<TokenPair> {
    return this.sessions.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Done, whether or not the token was live' })
  @ApiErrors(400)
  logout(@Body() body: RefreshTokenRequest): Promise<void> {
    return this.sessions.logout(body.refreshToken);
  }
}
