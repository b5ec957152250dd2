import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { PLATFORMS, type Platform } from '@chaping/domain';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';

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
}
