import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { CompensationController } from './compensation.controller';
import { CompensationService } from './compensation.service';

@Module({
  imports: [CasesModule],
  controllers: [CompensationController],
  providers: [CompensationService],
})
export class CompensationModule {}
