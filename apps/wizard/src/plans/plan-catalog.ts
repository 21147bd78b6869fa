import { InvalidRequestError } from '@app/common';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Plan } from '../config/plans';
import type { WizardConfig } from '../config/wizard-env';

@Injectable()
export class PlanCatalog {
  private readonly plans: Plan[];

  constructor(config: ConfigService<WizardConfig, true>) {
    this.plans = config.get('PLANS', { infer: true });
  }

  list(): Plan[] {
    return this.plans;
  }

  get(planId: string): Plan {
    const plan = this.plans.find((candidate) => candidate.id === planId);
    if (!plan) {
      throw new InvalidRequestError(`There is no plan "${planId}"; GET /plans lists the plans.`);
    }

    return plan;
  }
}
