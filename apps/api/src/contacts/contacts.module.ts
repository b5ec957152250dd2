import { Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { ContactsController } from './contacts.controller';
import { ContactsService } from './contacts.service';

@Module({
  imports: [CasesModule],
  controllers: [ContactsController],
  providers: [ContactsService],
})
export class ContactsModule {}
