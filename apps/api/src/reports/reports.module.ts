import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { ActionItemsRepository } from './action-items.repository';
import { ActionItemsService } from './action-items.service';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';
import { TeamController } from './team.controller';
import { TeamRepository } from './team.repository';
import { TeamService } from './team.service';

/** The monthly root-cause report and its exports, cause → action items, the team dashboard and agent KPIs (DESIGN §6). */
@Module({
  imports: [CasesModule],
  controllers: [ReportsController, TeamController],
  providers: [
    MonthlyReportRepository,
    MonthlyReportService,
    ActionItemsRepository,
    ActionItemsService,
    TeamRepository,
    TeamService,
  ],
})
export class ReportsModule {}
