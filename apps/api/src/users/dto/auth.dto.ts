import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

import { ROLES, type Role } from '@chaping/domain';

export class LoginDto {
  @ApiProperty({ example: 'agent1' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty({ example: 'chaping-demo' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MaxLength(200)
  newPassword!: string;
}

export class MeDto {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'An agent on shift is given new cases by assignment' }) onShift!: boolean;
  @ApiProperty({ type: [String], description: 'Shops the user works' }) shopIds!: string[];
}
