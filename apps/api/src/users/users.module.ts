import { Global, Module } from '@nestjs/common';

import { CasesModule } from '../cases/cases.module';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginAttemptPurgeJob } from './auth/login-attempt-purge.job';
import { LoginAttemptRepository } from './auth/login-attempt.repository';
import { SessionStore } from './auth/session.store';
import { ShopRepository } from './shop.repository';
import { ShopsController } from './shops.controller';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [CasesModule],
  controllers: [AuthController, ShopsController, UsersController, AccountsController, ApiKeysController],
  providers: [
    AccountsService,
    ApiKeyRepository,
    ApiKeysService,
    AuthService,
    LoginAttemptPurgeJob,
    LoginAttemptRepository,
    SessionStore,
    ShopRepository,
    UserRepository,
    UsersService,
  ],
  exports: [ApiKeyRepository, SessionStore],
})
export class UsersModule {}
