import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsRepository } from './approvals.repository';
import { ApprovalsService } from './approvals.service';
import { CompensationController } from './compensation.controller';
import { CompensationRepository } from './compensation.repository';
import { CompensationService } from './compensation.service';

@Module({
  imports: [CasesModule],
  controllers: [CompensationController, ApprovalsController],
  providers: [CompensationService, CompensationRepository, ApprovalsService, ApprovalsRepository],
})
export class CompensationModule {}
