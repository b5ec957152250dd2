import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

import { ErrorBodyDto } from './error-body';

const error = (status: number, description: string) => ApiResponse({ status, description, type: ErrorBodyDto });

export const ApiReadErrors = () =>
  applyDecorators(error(400, 'Invalid parameters, one message per field'), error(404, 'Not found'));

/** The answers every case command can give besides 200. */
export const ApiCommandErrors = () =>
  applyDecorators(
    error(400, 'Malformed body or unknown field, one message per field'),
    error(401, 'No known actor'),
    error(403, 'The actor may not do this'),
    error(404, 'No such case (or child)'),
    error(409, 'Stale expectedVersion: someone else changed the case (or took it from the pool first)'),
    error(422, "Refused by a workflow rule or policy: the domain's code and reason"),
  );

/** The answers of the intake endpoints besides success. */
export const ApiIntakeErrors = () =>
  applyDecorators(
    error(400, 'Malformed body or parameters'),
    error(401, 'No known actor or API key'),
    error(403, 'Not a shop of the actor'),
    error(404, 'No such shop or import'),
    error(413, 'Body or file too large'),
    error(415, 'Unsupported content type'),
    error(422, 'Unknown format, unrecognised payload, missing columns or an unreadable file: see code and details'),
  );
