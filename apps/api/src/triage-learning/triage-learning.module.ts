import { Global, Module } from '@nestjs/common';

import { TriageLearningController } from './triage-learning.controller';
import { TriageLearningJob } from './triage-learning.job';
import { TriageModelRepository } from './triage-model.repository';
import { TriageModelsService } from './triage-models.service';

/** Per-shop root-cause models learnt from the team's corrections; global, as every way reviews come in triages them. */
@Global()
@Module({
  controllers: [TriageLearningController],
  providers: [TriageModelRepository, TriageModelsService, TriageLearningJob],
  exports: [TriageModelsService],
})
export class TriageLearningModule {}
