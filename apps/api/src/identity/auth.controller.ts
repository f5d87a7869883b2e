import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiTags, ApiOperation, ApiHeader, ApiNoContentResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig, CSRF_HEADER, SESSION_COOKIE } from '@app/core';
import { IdentityService } from '@app/identity';
import { RateLimited } from '../common/rate-limits';
import { ApiProblems, Anyone } from '../common/route.decorators';
import { LoginRequest, LoginResponse, PasswordResetRequest, RegisterRequest, RegisterResponse } from './dto/identity.dto';
import { cookieOptions, SESSION_COOKIE_HEADER, setSessionCookie } from './session-cookie';

@ApiTags('identity')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Register an organisation with its first applicant user' })
  @Anyone()
  @RateLimited('register')
  @ApiCreatedResponse({ type: RegisterResponse })
  @ApiProblems(400, 409, 429)
  register(@Body() body: RegisterRequest): Promise<RegisterResponse> {
    return this.identity.register(body);
  }

  @Post('login')
  @ApiOperation({
    summary: 'Log in and get an access token',
    description:
      `With the header \`${CSRF_HEADER}: 1\` (the web portal) the answer also sets the session cookie \`${SESSION_COOKIE}\` holding the same token, ` +
      'which then authenticates the browser’s requests; state-changing ones must carry the same header (else 403 CSRF_CHECK_FAILED). ' +
      'Without the header no cookie is set: API clients use the token from the body, and a cross-site form cannot log a browser in.',
  })
  @HttpCode(200)
  @Anyone()
  @RateLimited('auth')
  @ApiHeader({ name: CSRF_HEADER, required: false, description: '`1`: also set the session cookie', schema: { type: 'string', enum: ['1'] } })
  @ApiOkResponse({ type: LoginResponse, headers: SESSION_COOKIE_HEADER })
  @ApiProblems(400, 401, 403, 429)
  async login(@Body() body: LoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const answer = await this.identity.login(body.email, body.password, req.ip ?? 'unknown');
    setSessionCookie(req, res, this.config, answer.accessToken);
    return answer;
  }

  @Post('password-reset')
  @ApiOperation({
    summary: 'Set a new password with a one-time reset token',
    description:
      'The token comes from an administrator (`POST /users/{id}/password-reset`). It works once, for 24 hours, while the account is enabled and no newer reset was issued; ' +
      'every access token of the user stops working. Otherwise 400 RESET_TOKEN_INVALID, the same for every reason. The user then logs in with the new password.',
  })
  @HttpCode(204)
  @Anyone()
  @ApiNoContentResponse({ description: 'The new password is set' })
  @ApiProblems(400, 429)
  async resetPassword(@Body() body: PasswordResetRequest): Promise<void> {
    await this.identity.completePasswordReset(body.token, body.newPassword);
  }

  @Post('logout')
  @ApiOperation({
    summary: 'Log out of the web portal',
    description:
      `Clears the session cookie \`${SESSION_COOKIE}\` (an expired Set-Cookie with the same attributes). Public, needs no ${CSRF_HEADER} header. ` +
      'The access token itself stays valid until it expires, or until the user is disabled or changes their password (which cut every token of the user).',
  })
  @HttpCode(204)
  @Anyone()
  @RateLimited('auth')
  @ApiNoContentResponse({
    description: 'The cookie is cleared',
    headers: { 'Set-Cookie': { description: `\`${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict\``, schema: { type: 'string' } } },
  })
  @ApiProblems(429)
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, cookieOptions(this.config));
  }
}
