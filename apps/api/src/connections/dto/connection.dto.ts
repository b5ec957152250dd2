import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { TOP_SIGN_METHODS, type TopSignMethod } from '../../marketplace/signing';

const NOT_BLANK = /^\S+$/;

export class CreateConnectionDto {
  @ApiProperty({
    description: 'App key of the platform app the shop authorised (TOP, JD JOS; 抖店: 19 digits)',
    example: '12345678',
  })
  @IsString()
  @Matches(NOT_BLANK, { message: 'appKey must not contain spaces' })
  @MaxLength(64)
  appKey!: string;

  @ApiProperty({ description: "The app's secret: stored encrypted, never shown again", writeOnly: true })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  @Matches(NOT_BLANK, { message: 'appSecret must not contain spaces' })
  appSecret!: string;

  @ApiProperty({
    description:
      "The shop's authorisation — TOP session key (SessionKey), JD or 抖店 access token: stored encrypted, never shown again",
    writeOnly: true,
  })
  @IsString()
  @MinLength(8)
  @MaxLength(512)
  @Matches(NOT_BLANK, { message: 'sessionKey must not contain spaces' })
  sessionKey!: string;

  @ApiPropertyOptional({
    enum: TOP_SIGN_METHODS,
    description:
      "Default: the platform's (TOP and 抖店 hmac-sha256, JD md5); a method the platform does not take is refused",
  })
  @IsOptional()
  @IsIn(TOP_SIGN_METHODS)
  signMethod?: TopSignMethod;

  @ApiPropertyOptional({
    format: 'date-time',
    description: "When the session key expires, as the platform's authorisation page says",
  })
  @IsOptional()
  @IsDateString()
  tokenExpiresAt?: string;

  @ApiPropertyOptional({
    minimum: 60,
    maximum: 86400,
    description: 'Seconds between pulls (default MARKETPLACE_PULL_SECONDS)',
  })
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(86400)
  pullEverySeconds?: number;
}

export class RenewSessionDto {
  @ApiProperty({ description: 'A new session key after the shop authorised again', writeOnly: true })
  @IsString()
  @MinLength(8)
  @MaxLength(512)
  @Matches(NOT_BLANK, { message: 'sessionKey must not contain spaces' })
  sessionKey!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString()
  tokenExpiresAt?: string;
}

export class ConnectionErrorDto {
  @ApiProperty({
    enum: ['signature_rejected', 'token_expired', 'rate_limited', 'platform_refused', 'platform_error', 'unreachable'],
  })
  code!: string;
  @ApiProperty({ description: 'The failure in words, in the language asked for' }) message!: string;
  @ApiProperty() at!: string;
}

export class ConnectionDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty() platform!: string;
  @ApiProperty({ description: 'Not secret; the app secret and session key are never returned' }) appKey!: string;
  @ApiProperty({ enum: TOP_SIGN_METHODS }) signMethod!: string;
  @ApiProperty({ enum: ['active', 'token_expired', 'revoked'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) tokenExpiresAt!: string | null;
  @ApiProperty() pullEverySeconds!: number;
  @ApiProperty({ description: 'Reviews are pulled up to this time' }) pulledUpTo!: string;
  @ApiProperty() reviewsPulled!: number;
  @ApiProperty({ type: String, nullable: true }) lastSuccessAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null when pulling is stopped or revoked' })
  nextPullAt!: string | null;
  @ApiProperty({ type: ConnectionErrorDto, nullable: true }) lastError!: ConnectionErrorDto | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
}

export class PullNowDto {
  @ApiProperty({ enum: ['pulled', 'failed', 'not_claimed'], description: 'not_claimed: a pull was already under way' })
  outcome!: string;
  @ApiProperty({ type: ConnectionDto }) connection!: ConnectionDto;
}
