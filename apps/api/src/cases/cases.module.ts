import { Module } from '@nestjs/common';

import { CaseAccess } from './case-access';
import { CaseCommandRunner } from './case-command.runner';
import { CaseReleaseService } from './case-release.service';
import { CaseViewService } from './case-view.service';
import { CaseWorkflowService } from './case-workflow.service';
import { CaseRepository } from './case.repository';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { EarlierCasesRepository } from './earlier-cases.repository';
import { PolicyController } from './policy.controller';
import { PolicyRepository } from './policy.repository';
import { PolicyService } from './policy.service';
import { QueueCountsFolder } from './queue-counts.folder';
import { SlaBoardController } from './sla-board.controller';
import { SlaBoardRepository } from './sla-board.repository';

@Module({
  controllers: [CasesController, PolicyController, SlaBoardController],
  providers: [
    CaseAccess,
    CaseRepository,
    CaseViewService,
    CaseCommandRunner,
    CaseReleaseService,
    CaseWorkflowService,
    CasesService,
    EarlierCasesRepository,
    PolicyService,
    PolicyRepository,
    QueueCountsFolder,
    SlaBoardRepository,
  ],
  exports: [CaseCommandRunner, CaseReleaseService, CaseRepository, PolicyService],
})
export class CasesModule {}
