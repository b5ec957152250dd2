import { Module } from '@nestjs/common';

import { ScriptTemplateRepository } from './script-template.repository';
import { ScriptsController } from './scripts.controller';
import { ScriptsService } from './scripts.service';

@Module({
  controllers: [ScriptsController],
  providers: [ScriptTemplateRepository, ScriptsService],
  exports: [ScriptsService],
})
export class ScriptsModule {}
