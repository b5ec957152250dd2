import { Module, type DynamicModule } from '@nestjs/common';

import { CareModule } from '../care/care.module';
import { CasesModule } from '../cases/cases.module';
import { CaseIntakeRepository } from './case-intake.repository';
import type { ImportLimits } from './incoming/import-limits';
import { IntakeController } from './intake.controller';
import { IntakeService } from './intake.service';
import { IMPORT_LIMITS, IMPORT_SPOOL_DIR, IMPORT_UPLOAD_LIMIT } from './intake.tokens';
import { ImportJobStore } from './jobs/import-job.store';
import { ImportKinds } from './jobs/import-kinds';
import { ImportRunner } from './jobs/import-runner';
import { ReviewImporter } from './review-importer';
import { TriageOverrideRepository } from './triage-override.repository';
import { TriageController } from './triage.controller';

@Module({})
export class IntakeModule {
  static forRoot(options: { spoolDir: string; uploadLimitBytes: number; limits: ImportLimits }): DynamicModule {
    return {
      module: IntakeModule,
      imports: [CasesModule, CareModule],
      controllers: [IntakeController, TriageController],
      providers: [
        { provide: IMPORT_SPOOL_DIR, useValue: options.spoolDir },
        { provide: IMPORT_UPLOAD_LIMIT, useValue: options.uploadLimitBytes },
        { provide: IMPORT_LIMITS, useValue: options.limits },
        CaseIntakeRepository,
        ReviewImporter,
        ImportKinds,
        ImportJobStore,
        ImportRunner,
        IntakeService,
        TriageOverrideRepository,
      ],
      exports: [ImportRunner],
    };
  }
}
