import type { ValidationError } from 'class-validator';

import type { FieldErrorDto } from './error-body';

/** Thrown by the global ValidationPipe: one entry per field, nested fields as dotted paths. */
export class RequestValidationError extends Error {
  constructor(readonly fields: FieldErrorDto[]) {
    super('request.invalid');
  }

  static fromValidationErrors(errors: ValidationError[]): RequestValidationError {
    const fields: FieldErrorDto[] = [];
    const visit = (error: ValidationError, path: string) => {
      const field = path ? `${path}.${error.property}` : error.property;
      // A missing field fails every rule on it ("must be shorter than 2000 characters"…); the
      // problem to report is only that it is missing.
      const missing =
        (error.value === undefined || error.value === null) && !error.constraints?.['whitelistValidation'];
      if (error.constraints) {
        fields.push({ field, messages: missing ? [`${field} is required`] : Object.values(error.constraints) });
      }
      for (const child of error.children ?? []) visit(child, field);
    };
    for (const error of errors) visit(error, '');
    return new RequestValidationError(fields);
  }
}
