import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationError } from './domain-error';

/** Flattens nested class-validator errors into `{ field: 'guardians.0.name', message }`. */
export function fieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      // whitelist errors read "property x should not exist"; say it with the full path.
      message: message.replace(/^property \S+ should not exist$/, `${field} is not an allowed field`),
    }));
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** The global pipe: strips nothing silently — unknown fields are refused — and converts types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationError(fieldErrors(errors)),
  });
}
