import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CaseViewDto } from '../cases/dto/case-view.dto';
import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { ContactsService } from './contacts.service';
import { DoNotContactDto, LogContactAttemptDto } from './dto/contact.dto';

@ApiTags('contacts')
@Access('case')
@Controller('cases/:id')
export class ContactsController {
  constructor(private readonly contacts: ContactsService) {}

  @Post('contact-attempts')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log an attempt to reach the buyer (call limits, spacing and quiet hours apply)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  logAttempt(@UuidParam('id') id: string, @Body() dto: LogContactAttemptDto, @CurrentActor() actor: SignedInActor) {
    return this.contacts.logAttempt(id, dto, actor);
  }

  @Post('do-not-contact')
  @HttpCode(200)
  @ApiOperation({ summary: 'The buyer asked not to be contacted: stop every outbound channel' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  setDoNotContact(@UuidParam('id') id: string, @Body() dto: DoNotContactDto, @CurrentActor() actor: SignedInActor) {
    return this.contacts.setDoNotContact(id, dto, actor);
  }
}
