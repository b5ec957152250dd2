import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class CreateApiKeyDto {
  @ApiProperty({ example: '店铺 ERP 同步', description: 'What the key is for (1–60 characters)' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(60)
  name!: string;
}

export class ApiKeyDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The first characters of the key, to tell keys apart' })
  prefix!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Last request made with the key (to the minute)' })
  lastUsedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
}

export class NewApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself (send it as X-Api-Key): shown this once, stored only as a hash' })
  key!: string;
}
