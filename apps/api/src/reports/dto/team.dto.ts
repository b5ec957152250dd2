import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

import { KPI_METRICS, PLATFORMS, STAGES } from '@chaping/domain';

import { IsCalendarDate } from '../../common/validation';

export class StageAgeDto {
  @ApiProperty({ enum: STAGES }) stage!: string;
  @ApiProperty({ description: 'Open for less than a day' }) underOneDay!: number;
  @ApiProperty() oneToThreeDays!: number;
  @ApiProperty() threeToSevenDays!: number;
  @ApiProperty() overSevenDays!: number;
}

export class AgentLoadDto {
  @ApiProperty({ type: String, nullable: true, description: 'Null: the shop pool' }) agentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) agentName!: string | null;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Open cases weighted by severity (the assignment policy weights)' })
  weightedLoad!: number;
}

export class PlatformCountDto {
  @ApiProperty({ enum: PLATFORMS }) platform!: string;
  @ApiProperty() cases!: number;
}

export class TeamDashboardDto {
  @ApiProperty({ type: [StageAgeDto] }) byStageAndAge!: StageAgeDto[];
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'Open cases whose first contact is overdue' }) overdueFirstContact!: number;
  @ApiProperty({ description: 'Open cases past their resolution deadline' }) overdueResolution!: number;
  @ApiProperty({ type: [AgentLoadDto] }) load!: AgentLoadDto[];
  @ApiProperty({ description: 'Cases whose review was posted today (China time), whenever it was imported' })
  todayIntake!: number;
  @ApiProperty({ type: [PlatformCountDto] }) todayByPlatform!: PlatformCountDto[];
}

export class KpiQueryDto {
  @ApiProperty({ example: '2026-11-01', description: 'First day, China time' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'Last day (inclusive)' })
  @IsCalendarDate()
  to!: string;
}

export class HourlyQueryDto {
  @ApiProperty({ example: '2026-11-11', description: 'The day, China time (a campaign day such as 双11)' })
  @IsCalendarDate()
  date!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One shop only (a campaign's); without it, every shop the lead works",
  })
  @IsOptional()
  @IsUUID('all', { message: 'shopId must be a shop id (a UUID)' })
  shopId?: string;
}

const scores = Object.fromEntries(KPI_METRICS.map((metric) => [metric, { type: 'number' as const }]));

export class AgentKpiDto {
  @ApiProperty() agentId!: string;
  @ApiProperty() agentName!: string;
  @ApiProperty() casesClosed!: number;
  @ApiProperty({ type: Number, nullable: true }) firstContactHours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolutionRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) revisedRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) compensationPerCaseFen!: number | null;
  @ApiProperty({ type: Number, nullable: true }) qaScore!: number | null;
  @ApiProperty({ type: 'object', properties: scores, description: 'Each measure on 0–100' })
  scores!: Partial<Record<(typeof KPI_METRICS)[number], number>>;
  @ApiProperty({ type: Number, nullable: true }) composite!: number | null;
  @ApiProperty({ description: 'False below the minimum sample of closed cases: not ranked against the others' })
  ranked!: boolean;
}

export class AgentKpisDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: 'object', properties: scores, description: 'The weights in force (policy.kpi.weights)' })
  weights!: Record<(typeof KPI_METRICS)[number], number>;
  @ApiProperty({ type: [AgentKpiDto] }) agents!: AgentKpiDto[];
}

export class HourCountsDto {
  @ApiProperty({ minimum: 0, maximum: 23 }) hour!: number;
  @ApiProperty({ description: 'Reviews posted in this hour (China time)' }) intake!: number;
  @ApiProperty() firstContacts!: number;
  @ApiProperty() closed!: number;
}

export class AgentHoursDto {
  @ApiProperty() agentId!: string;
  @ApiProperty() agentName!: string;
  @ApiProperty({ type: [Number], description: '24 values, hour 0 to 23' }) firstContacts!: number[];
  @ApiProperty({ type: [Number] }) closed!: number[];
}

export class HourlyViewDto {
  @ApiProperty() date!: string;
  @ApiProperty({ type: [HourCountsDto] }) hours!: HourCountsDto[];
  @ApiProperty({ type: [AgentHoursDto] }) agents!: AgentHoursDto[];
}
