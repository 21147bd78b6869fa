import { CreateEmailOutbox1796336272589 } from '@app/email';
import { CreateWizardSchema1796337022769 } from './1796337022769-CreateWizardSchema';
import { CreateIdentitySync1796338203804 } from './1796338203804-CreateIdentitySync';
import { BillingAndRefunds1796339769855 } from './1796339769855-BillingAndRefunds';

/** Listed by hand, in order, so the build, the tests and the TypeORM CLI run the same set. */
export const WIZARD_MIGRATIONS = [
  CreateEmailOutbox1796336272589,
  CreateWizardSchema1796337022769,
  CreateIdentitySync1796338203804,
  BillingAndRefunds1796339769855,
];
