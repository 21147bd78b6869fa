import { CreateEmailOutbox1796336272589 } from '@app/email';
import { CreateWizardSchema1796337022769 } from './1796337022769-CreateWizardSchema';

/** Listed by hand, in order, so the build, the tests and the TypeORM CLI run the same set. */
export const WIZARD_MIGRATIONS = [CreateEmailOutbox1796336272589, CreateWizardSchema1796337022769];
