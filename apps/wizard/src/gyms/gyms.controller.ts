import { ApiErrors, AuthenticatedUser, CurrentUser } from '@app/common';
import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CheckoutService } from '../payments/checkout.service';
import { CheckoutView } from '../payments/checkout.view';
import { CreateGymDto } from './dto/create-gym.dto';
import { GymView } from './gym.view';
import { GymsService } from './gyms.service';

@ApiTags('gyms')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('gyms')
export class GymsController {
  constructor(
    private readonly gyms: GymsService,
    private readonly checkout: CheckoutService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a gym draft on a plan' })
  @ApiCreatedResponse({ type: GymView })
  @ApiErrors(400)
  create(@CurrentUser() owner: AuthenticatedUser, @Body() dto: CreateGymDto): Promise<GymView> {
    return this.gyms.create(owner, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of your gyms, with its license' })
  @ApiOkResponse({ type: GymView })
  @ApiErrors(400, 404)
  view(
    @CurrentUser() owner: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) gymId: string,
  ): Promise<GymView> {
    return this.gyms.view(owner, gymId);
  }

  @Post(':id/checkout')
  @ApiOperation({ summary: 'Start a Stripe Checkout for the gym subscription' })
  @ApiCreatedResponse({ type: CheckoutView })
  @ApiErrors(400, 404, 409, 503)
  startCheckout(
    @CurrentUser() owner: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) gymId: string,
  ): Promise<CheckoutView> {
    return this.checkout.start(owner, gymId);
  }
}
