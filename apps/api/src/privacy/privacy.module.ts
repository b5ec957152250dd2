import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';
import { RetentionJob } from './retention.job';

@Module({
  imports: [CasesModule],
  controllers: [PrivacyController],
  providers: [PrivacyService, RetentionJob],
  exports: [PrivacyService],
})
export class PrivacyModule {}
