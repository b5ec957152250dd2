import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { RepliesController } from './replies.controller';
import { RepliesService } from './replies.service';

@Module({
  imports: [CasesModule],
  controllers: [RepliesController],
  providers: [RepliesService],
})
export class RepliesModule {}
