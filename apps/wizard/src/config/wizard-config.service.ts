import { ConfigService } from '@nestjs/config';
import type { WizardConfig } from './wizard-env';

/** The validated environment, typed. */
export type WizardConfigService = ConfigService<WizardConfig, true>;
