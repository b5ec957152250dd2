import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import {
  ALERT_TRIGGERS,
  LOCALES,
  ROBOT_PLATFORMS,
  type AlertTrigger,
  type Locale,
  type RobotPlatform,
} from '@chaping/domain';

export class ChangeRobotDto {
  @ApiProperty({ minLength: 1, maxLength: 60, description: 'A name for people, e.g. 售后群' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  name!: string;

  @ApiProperty({ enum: ROBOT_PLATFORMS })
  @IsIn(ROBOT_PLATFORMS)
  platform!: RobotPlatform;

  @ApiPropertyOptional({
    maxLength: 500,
    writeOnly: true,
    description: "The robot's webhook (https, the platform's own host); left out on a change keeps the stored one",
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  webhookUrl?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    writeOnly: true,
    description: "The signing secret (DingTalk's and Feishu's 加签/签名校验); left out keeps it, empty removes it",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;

  @ApiProperty({ enum: LOCALES, description: 'The language of the messages' })
  @IsIn(LOCALES)
  locale!: Locale;

  @ApiProperty({ enum: ALERT_TRIGGERS, isArray: true })
  @IsArray()
  @ArrayMaxSize(ALERT_TRIGGERS.length)
  @IsIn(ALERT_TRIGGERS, { each: true })
  triggers!: AlertTrigger[];

  @ApiProperty({
    minimum: 1,
    maximum: 1440,
    description: 'Alert when a compensation has waited this long for approval',
  })
  @IsInt()
  @Min(1)
  @Max(1440)
  approvalWaitMinutes!: number;

  @ApiProperty({ minimum: 1, maximum: 1440, description: "Alert this long before a case's first contact is due" })
  @IsInt()
  @Min(1)
  @Max(1440)
  firstContactLeadMinutes!: number;

  @ApiProperty()
  @IsBoolean()
  enabled!: boolean;
}

export class CreateRobotDto extends ChangeRobotDto {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The shop; without it, every shop (admins only)',
  })
  @IsOptional()
  @IsUUID()
  shopId?: string | null;
}

export class RobotDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) shopId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROBOT_PLATFORMS }) platform!: RobotPlatform;
  @ApiProperty({ description: "The webhook's host only; the address itself carries the platform's token" })
  webhookHost!: string;
  @ApiProperty({ description: 'Whether a signing secret is stored (it is never shown)' }) secretSet!: boolean;
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
  @ApiProperty({ enum: ALERT_TRIGGERS, isArray: true }) triggers!: AlertTrigger[];
  @ApiProperty() approvalWaitMinutes!: number;
  @ApiProperty() firstContactLeadMinutes!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the last message failed, in words' })
  lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastErrorAt!: string | null;
}

export class RobotTestResultDto {
  @ApiProperty() ok!: boolean;
  @ApiPropertyOptional({ description: 'Why the robot refused, in words' }) reason?: string;
}
