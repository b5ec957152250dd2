import { Global, Module } from '@nestjs/common';

import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionStore } from './auth/session.store';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionStore],
  exports: [SessionStore],
})
export class UsersModule {}
