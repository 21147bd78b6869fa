import { ApiErrors, Public } from '@app/common';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ActivationService } from './activation.service';
import { ActivateDto, ActivationResultView } from './dto/activate.dto';

@ApiTags('activation')
@Controller('activation')
export class ActivationController {
  constructor(private readonly activation: ActivationService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Activate a paid gym with the token from the activation email' })
  @ApiOkResponse({ type: ActivationResultView })
  @ApiErrors(400, 409, 410)
  activate(@Body() dto: ActivateDto): Promise<ActivationResultView> {
    return this.activation.activate(dto.token);
  }
}
