import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { CareOrderImporter } from './care-order-importer';
import { CareTasksJob } from './care-tasks.job';
import { CareController } from './care.controller';
import { CareRepository } from './care.repository';
import { CareService } from './care.service';

@Module({
  imports: [CasesModule],
  controllers: [CareController],
  providers: [CareRepository, CareService, CareTasksJob, CareOrderImporter],
  exports: [CareService, CareOrderImporter],
})
export class CareModule {}
