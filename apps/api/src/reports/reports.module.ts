import { Module } from '@nestjs/common';

import { ActionItemsRepository } from './action-items.repository';
import { ActionItemsService } from './action-items.service';
import { MonthlyReportRepository } from './monthly-report.repository';
import { MonthlyReportService } from './monthly-report.service';
import { ReportsController } from './reports.controller';

/** The monthly root-cause report, its exports, and cause → action items (DESIGN §6). */
@Module({
  controllers: [ReportsController],
  providers: [MonthlyReportRepository, MonthlyReportService, ActionItemsRepository, ActionItemsService],
})
export class ReportsModule {}
