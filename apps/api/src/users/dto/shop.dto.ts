import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';

import { PLATFORMS, type Platform } from '@chaping/domain';

export class CreateShopDto {
  @ApiProperty({ enum: PLATFORMS })
  @IsIn(PLATFORMS)
  platform!: Platform;

  @ApiProperty({ example: '暖居家纺旗舰店' })
  @IsString()
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(60)
  name!: string;

  @ApiProperty({ example: '61234567', description: "The shop's id on its platform (letters, digits, . _ -)" })
  @Matches(/^[\w.-]{1,64}$/, { message: 'platformShopId must be 1–64 letters, digits, dots, dashes or underscores' })
  platformShopId!: string;
}

export class ShopDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PLATFORMS }) platform!: Platform;
}
