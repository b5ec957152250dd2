import { Module } from '@nestjs/common';

import { ScriptsModule } from '../scripts/scripts.module';
import { CaseAccess } from './case-access';
import { CaseCommandRunner } from './case-command.runner';
import { CaseReleaseService } from './case-release.service';
import { CaseScriptController } from './case-script.controller';
import { CaseScriptService } from './case-script.service';
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
import { QueueRepository } from './queue.repository';
import { ScriptTickRepository } from './script-tick.repository';
import { SlaBoardController } from './sla-board.controller';
import { SlaBoardRepository } from './sla-board.repository';

@Module({
  imports: [ScriptsModule],
  controllers: [CasesController, CaseScriptController, PolicyController, SlaBoardController],
  providers: [
    CaseAccess,
    CaseRepository,
    CaseViewService,
    CaseCommandRunner,
    CaseReleaseService,
    CaseScriptService,
    CaseWorkflowService,
    CasesService,
    EarlierCasesRepository,
    PolicyService,
    PolicyRepository,
    QueueCountsFolder,
    QueueRepository,
    SlaBoardRepository,
    ScriptTickRepository,
  ],
  exports: [CaseCommandRunner, CaseReleaseService, CaseRepository, PolicyService],
})
export class CasesModule {}
