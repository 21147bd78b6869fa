import { ApiErrors, AuthenticatedUser, CurrentUser, Public } from '@app/common';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ActivationLinks } from './activation-links';
import { ActivationService } from './activation.service';
import { ActivateDto, ActivationResultView } from './dto/activate.dto';

@ApiTags('activation')
@Controller()
export class ActivationController {
  constructor(
    private readonly activation: ActivationService,
    private readonly links: ActivationLinks,
  ) {}

  @Post('activation')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a paid gym with the token from the activation email' })
  @ApiOkResponse({ type: ActivationResultView })
  @ApiErrors(400, 409, 410)
  activate(@Body() dto: ActivateDto): Promise<ActivationResultView> {
    return this.activation.activate(dto.token);
  }

  @Post('/gyms/:id/activation-link')
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Email a new activation link for a paid gym; older links stop working' })
  @ApiAcceptedResponse({ description: 'The email is on its way' })
  @ApiErrors(400, 401, 404, 409)
  async resendLink(
    @CurrentUser() owner: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) gymId: string,
  ): Promise<void> {
    await this.links.resend(owner, gymId);
  }
}
