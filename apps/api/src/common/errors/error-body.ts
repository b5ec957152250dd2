import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'channel' })
  field!: string;

  @ApiProperty({ type: [String], example: ['channel must be one of: im, sms, phone, platform_message, other'] })
  messages!: string[];
}

/** The one error body of the API. */
export class ErrorBodyDto {
  @ApiProperty({ example: 422 })
  statusCode!: number;

  @ApiProperty({ example: 'contact.phone_limit_reached', description: 'Stable code to branch on' })
  code!: string;

  @ApiProperty({
    example: '第4次电话超出上限(3次)',
    description: 'For people, in the language asked for (Accept-Language)',
  })
  message!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Always an object. 400 request.invalid: `{ fields: [{ field, messages }] }`, one entry per field ' +
      '(dotted paths for nested fields); a refusal (403/404/422): its parameters; 409 case.version_conflict: ' +
      '`{ expectedVersion, currentVersion }`; an edge refusal: the limit crossed (e.g. `{ maxDepth }`). ' +
      'Lists are cut at 20 items and texts at 200 characters.',
    example: { fields: [{ field: 'channel', messages: ['channel must be one of: im, sms, phone'] }] },
  })
  details?: Record<string, unknown>;

  @ApiProperty({ example: 'req-1' })
  requestId!: string;
}
