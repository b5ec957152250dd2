import { Global, Module } from '@nestjs/common';

import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionStore } from './auth/session.store';
import { ShopsController } from './shops.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  controllers: [AuthController, ShopsController, UsersController],
  providers: [AuthService, SessionStore, UsersService],
  exports: [SessionStore],
})
export class UsersModule {}
