import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';

/**
 * The global validation pipe. A field that is not there is said to be missing, instead of
 * breaking each of its rules ("must be shorter than 320 characters" for no email at all), and a
 * list where the endpoint takes an object is refused as such.
 */
export class RequestValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && Array.isArray(value) && metadata.metatype !== Array) {
      throw new BadRequestException('The body must be a JSON object.');
    }

    return super.transform(value, metadata);
  }

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
