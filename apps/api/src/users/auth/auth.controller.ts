import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { Access, CurrentActor, type SignedInActor } from '../../common/actor/actor';
import { ErrorBodyDto } from '../../common/errors/error-body';
import { ChangePasswordDto, LoginDto, MeDto } from '../dto/auth.dto';
import { AuthService } from './auth.service';
import { SESSION_COOKIE, SESSION_HOURS } from './session.store';

const clientOf = (request: FastifyRequest) => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

@ApiTags('auth')
@Access('signed_in')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({ summary: 'Sign in: sets an httpOnly, SameSite=Strict session cookie (12 h)' })
  @ApiOkResponse({ type: MeDto })
  @ApiResponse({
    status: 401,
    type: ErrorBodyDto,
    description: 'Wrong username or password, or the account is disabled',
  })
  @ApiResponse({ status: 429, type: ErrorBodyDto, description: 'Too many failures: wait Retry-After seconds' })
  async login(@Body() dto: LoginDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const { token, me } = await this.auth.login(dto.username, dto.password, clientOf(request));
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      // Secure comes from the cookie plugin's defaults: over TLS, or always when configured.
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return me;
  }

  @Post('logout')
  @HttpCode(204)
  @Access('public')
  @ApiOperation({ summary: 'Sign out: ends the session and clears the cookie' })
  @ApiNoContentResponse()
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(request.cookies[SESSION_COOKIE]);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  @ApiOperation({ summary: 'Who is signed in, with role and shops' })
  @ApiOkResponse({ type: MeDto })
  @ApiResponse({ status: 401, type: ErrorBodyDto })
  me(@CurrentActor() actor: SignedInActor): Promise<MeDto> {
    return this.auth.me(actor.id);
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your password; your other sessions end' })
  @ApiNoContentResponse()
  @ApiResponse({ status: 422, type: ErrorBodyDto, description: 'Wrong current password or a weak new one' })
  @ApiResponse({
    status: 429,
    type: ErrorBodyDto,
    description: 'Too many wrong current passwords: wait Retry-After seconds',
  })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentActor() actor: SignedInActor,
    @Req() request: FastifyRequest,
  ) {
    await this.auth.changePassword(actor, {
      currentPassword: dto.currentPassword,
      newPassword: dto.newPassword,
      token: request.cookies[SESSION_COOKIE] ?? '',
      ip: request.ip,
    });
  }
}
