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

  @ApiPropertyOptional({ description: 'Refusal parameters, field errors or conflict versions' })
  details?: unknown;

  @ApiProperty({ example: 'req-1' })
  requestId!: string;
}
