import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';

import { PLATFORMS, type Platform } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';

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

@ApiTags('shops')
@Access('signed_in')
@Controller('shops')
export class ShopsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'The shops the signed-in user works (admins: every shop)' })
  @ApiOkResponse({ type: [ShopDto] })
  list(@CurrentActor() actor: SignedInActor): Promise<ShopDto[]> {
    return this.dataSource.query(
      `SELECT s.id, s.name, s.platform FROM shop s
        WHERE $2 = 'admin' OR s.id IN (SELECT shop_id FROM user_shop WHERE user_id = $1)
        ORDER BY s.name, s.id`,
      [actor.id, actor.role],
    );
  }

  /** A fresh installation has no shops: the first admin adds them here. */
  @Post()
  @Access('admin')
  @ApiOperation({ summary: 'Admin: add a shop (one per platform shop id; a second is a 409)' })
  @ApiCreatedResponse({ type: ShopDto })
  @ApiCommandErrors()
  async create(@Body() dto: CreateShopDto): Promise<ShopDto> {
    const [shop]: ShopDto[] = await this.dataSource.query(
      `INSERT INTO shop (platform, name, platform_shop_id) VALUES ($1, $2, $3) RETURNING id, name, platform`,
      [dto.platform, dto.name.trim(), dto.platformShopId],
    );
    if (!shop) throw new Error('INSERT returned no row');
    return shop;
  }
}
