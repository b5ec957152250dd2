import { Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiCommandErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { AccountsService } from './accounts.service';
import { EndedSessionsDto } from './dto/user.dto';

@ApiTags('users')
@Access('admin')
@Controller('users')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post(':id/disable')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Admin: disable an account — its sessions end at once, sign-in is refused, its open cases return to the pool',
  })
  @ApiNoContentResponse()
  @ApiCommandErrors()
  disable(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor): Promise<void> {
    return this.accounts.disable(actor, id);
  }

  @Post(':id/enable')
  @HttpCode(204)
  @ApiOperation({ summary: 'Admin: enable a disabled account again (it signs in anew)' })
  @ApiNoContentResponse()
  @ApiCommandErrors()
  enable(@UuidParam('id') id: string): Promise<void> {
    return this.accounts.enable(id);
  }

  @Delete(':id/sessions')
  @ApiOperation({ summary: 'Admin: sign the account out everywhere' })
  @ApiOkResponse({ type: EndedSessionsDto })
  @ApiCommandErrors()
  async endSessions(@UuidParam('id') id: string): Promise<EndedSessionsDto> {
    return { ended: await this.accounts.endSessions(id) };
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @Access('lead')
  @ApiOperation({ summary: 'Lead (users of their shops) or admin: clear the sign-in throttle of an account' })
  @ApiNoContentResponse()
  @ApiCommandErrors()
  unlock(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor): Promise<void> {
    return this.accounts.unlock(actor, id);
  }
}
