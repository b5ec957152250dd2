import { Global, Module } from '@nestjs/common';

import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionStore } from './auth/session.store';
import { ShopsController } from './shops.controller';

@Global()
@Module({
  controllers: [AuthController, ShopsController],
  providers: [AuthService, SessionStore],
  exports: [SessionStore],
})
export class UsersModule {}
