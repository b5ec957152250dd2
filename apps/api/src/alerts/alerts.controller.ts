import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { AlertsService } from './alerts.service';
import { ChangeRobotDto, CreateRobotDto, RobotDto, RobotTestResultDto } from './dto/robot.dto';

@ApiTags('alerts')
@Access('lead')
@Controller('alerts/robots')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: "Team lead: the chat robots of the caller's shops (admins: all); webhook and secret are never shown",
  })
  @ApiOkResponse({ type: [RobotDto] })
  @ApiReadErrors()
  list(@CurrentActor() actor: SignedInActor): Promise<RobotDto[]> {
    return this.alerts.list(actor);
  }

  @Post()
  @ApiOperation({
    summary: 'Team lead of the shop (admin for every shop): add a DingTalk, WeCom or Feishu group robot',
  })
  @ApiOkResponse({ type: RobotDto })
  @ApiCommandErrors()
  create(@Body() dto: CreateRobotDto, @CurrentActor() actor: SignedInActor): Promise<RobotDto> {
    return this.alerts.create(dto.shopId ?? null, dto, actor);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Team lead: change a robot; a webhook or secret left out keeps the stored one' })
  @ApiOkResponse({ type: RobotDto })
  @ApiCommandErrors()
  change(
    @UuidParam('id') id: string,
    @Body() dto: ChangeRobotDto,
    @CurrentActor() actor: SignedInActor,
  ): Promise<RobotDto> {
    return this.alerts.change(id, dto, actor);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Team lead: remove a robot and the alerts still waiting for it' })
  @ApiNoContentResponse()
  @ApiCommandErrors()
  remove(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor): Promise<void> {
    return this.alerts.remove(id, actor);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Team lead: send a test message now; says in words why the robot refused it' })
  @ApiOkResponse({ type: RobotTestResultDto })
  @ApiCommandErrors()
  test(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor): Promise<RobotTestResultDto> {
    return this.alerts.sendTest(id, actor);
  }
}
