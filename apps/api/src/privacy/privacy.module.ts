import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { BuyerPrivacyRepository } from './buyer-privacy.repository';
import { PrivacyController } from './privacy.controller';
import { PrivacyService } from './privacy.service';
import { RetentionJob } from './retention.job';

@Module({
  imports: [CasesModule],
  controllers: [PrivacyController],
  providers: [BuyerPrivacyRepository, PrivacyService, RetentionJob],
  exports: [PrivacyService],
})
export class PrivacyModule {}
