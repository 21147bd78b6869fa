import { Public } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanCatalog } from './plan-catalog';
import { PlanView } from './plan.view';

@ApiTags('plans')
@Controller('plans')
export class PlansController {
  constructor(private readonly catalog: PlanCatalog) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The plans a gym can buy' })
  @ApiOkResponse({ type: [PlanView] })
  list(): PlanView[] {
    return this.catalog.list().map((plan) => PlanView.of(plan));
  }
}
