import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { AssignShopsDto, CreateUserDto, SetOnShiftDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Access('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Access('lead')
  @ApiOperation({
    summary: 'Accounts with their role and shops: admins see all, leads those working one of their shops',
  })
  @ApiOkResponse({ type: [UserDto] })
  list(@CurrentActor() actor: SignedInActor): Promise<UserDto[]> {
    return this.users.list(actor);
  }

  @Post()
  @ApiOperation({ summary: 'Admin: create an account with a first password and its shops' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiCommandErrors()
  create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(dto);
  }

  @Put(':id/shops')
  @ApiOperation({
    summary: "Admin: set the shops an account works; the agent's open cases in shops taken away return to their pool",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiCommandErrors()
  assignShops(
    @UuidParam('id') id: string,
    @Body() dto: AssignShopsDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<UserDto> {
    return this.users.assignShops(actor, id, dto.shopIds);
  }

  @Put(':id/on-shift')
  @Access('signed_in')
  @ApiOperation({
    summary:
      'Put an agent on or off shift (assignment gives new cases only to agents on shift): the agent, a lead of their shops, or an admin',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiCommandErrors()
  setOnShift(
    @UuidParam('id') id: string,
    @Body() dto: SetOnShiftDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<UserDto> {
    return this.users.setOnShift(actor, id, dto.onShift);
  }
}
