import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

import { ROLES, type Role } from '@chaping/domain';

export class CreateUserDto {
  @ApiProperty({ example: 'agent3', description: 'Letters, digits, . _ - (3–40)' })
  @Matches(/^[A-Za-z0-9._-]{3,40}$/, { message: 'username must be 3–40 letters, digits, dots, dashes or underscores' })
  username!: string;

  @ApiProperty({ example: '赵晓' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ minLength: 10, description: 'The first password; the user should change it' })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiProperty({ type: [String], description: 'Shops the user works' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  shopIds!: string[];
}

export class AssignShopsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  shopIds!: string[];
}

export class SetOnShiftDto {
  @ApiProperty({
    description: 'true: new cases may be assigned to the agent; false: they wait in the pool or go to others',
  })
  @IsBoolean()
  onShift!: boolean;
}

export class UserDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() onShift!: boolean;
  @ApiProperty({ type: [String] }) shopIds!: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When an admin disabled the account; null while it is active',
  })
  disabledAt!: string | null;
}

export class EndedSessionsDto {
  @ApiProperty({ description: 'How many sessions ended' }) ended!: number;
}
