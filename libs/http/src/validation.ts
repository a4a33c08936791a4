import { ValidationError as ClassValidatorError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationError } from './domain-error';

/**
 * The codes of field errors from class-validator, by its constraint name. A constraint not listed
 * gets its own name in kebab case (`arrayUnique` → `array-unique`).
 */
const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'unknown-field',
  isDefined: 'required',
  isNotEmpty: 'required',
  isString: 'not-text',
  isInt: 'not-whole-number',
  isNumber: 'not-number',
  isBoolean: 'not-boolean',
  isArray: 'not-list',
  isObject: 'not-object',
  nestedValidation: 'not-object',
  min: 'too-small',
  max: 'too-large',
  minLength: 'too-short',
  maxLength: 'too-long',
  arrayMinSize: 'too-few',
  arrayMaxSize: 'too-many',
  arrayUnique: 'duplicate',
  isIn: 'not-a-choice',
  isEnum: 'not-a-choice',
  isUuid: 'invalid-id',
  matches: 'invalid-format',
  isIsoInstant: 'invalid-date',
  isCalendarDate: 'invalid-date',
  isEmail: 'invalid-email',
  isUrl: 'invalid-url',
};

export const constraintCode = (constraint: string): string =>
  CONSTRAINT_CODES[constraint] ?? constraint.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Flattens nested class-validator errors into `{ field: 'guardians.0.name', code, message }`. */
export function fieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      code: constraintCode(constraint),
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
