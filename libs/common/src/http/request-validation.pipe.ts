import { ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';

/**
 * The global validation pipe. A field that is not there is said to be missing, instead of
 * breaking each of its rules ("must be shorter than 320 characters" for no email at all).
 */
export class RequestValidationPipe extends ValidationPipe {
  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    return sayMissingFields(await super.validate(object, validatorOptions));
  }
}

function sayMissingFields(errors: ValidationError[]): ValidationError[] {
  for (const error of errors) {
    if (error.value === undefined && error.constraints) {
      error.constraints = { isDefined: `${error.property} is required` };
    }
    if (error.children?.length) {
      sayMissingFields(error.children);
    }
  }

  return errors;
}
