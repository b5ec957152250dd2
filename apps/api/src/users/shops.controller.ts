import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { CreateShopDto, ShopDto } from './dto/shop.dto';
import { ShopRepository } from './shop.repository';

@ApiTags('shops')
@Access('signed_in')
@Controller('shops')
export class ShopsController {
  constructor(private readonly shops: ShopRepository) {}

  @Get()
  @ApiOperation({ summary: 'The shops the signed-in user works (admins: every shop)' })
  @ApiOkResponse({ type: [ShopDto] })
  list(@CurrentActor() actor: SignedInActor): Promise<ShopDto[]> {
    return this.shops.listFor(actor);
  }

  /** A fresh installation has no shops: the first admin adds them here. */
  @Post()
  @Access('admin')
  @ApiOperation({ summary: 'Admin: add a shop (one per platform shop id; a second is a 409)' })
  @ApiCreatedResponse({ type: ShopDto })
  @ApiCommandErrors()
  create(@Body() dto: CreateShopDto): Promise<ShopDto> {
    return this.shops.insert({ platform: dto.platform, name: dto.name.trim(), platformShopId: dto.platformShopId });
  }
}
