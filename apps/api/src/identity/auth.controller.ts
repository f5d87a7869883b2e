import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiTags, ApiOperation, ApiHeader, ApiNoContentResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { AppConfig, CSRF_HEADER, hasCsrfHeader, SESSION_COOKIE, sessionCookieOptions } from '@app/core';
import { IdentityService } from '@app/identity';
import { ApiProblems, Anyone } from '../common/route.decorators';
import { LoginRequest, LoginResponse, RegisterRequest, RegisterResponse } from './dto/identity.dto';

const SESSION_COOKIE_HEADER = {
  'Set-Cookie': {
    description: `Only when the request carries ${CSRF_HEADER}: 1: \`${SESSION_COOKIE}=<accessToken>; Max-Age=<JWT_TTL_SECONDS>; Path=/; HttpOnly; SameSite=Strict\` (and Secure in production)`,
    schema: { type: 'string' },
  },
} as const;

@ApiTags('identity')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Register an organisation with its first applicant user' })
  @Anyone()
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
  @ApiHeader({ name: CSRF_HEADER, required: false, description: '`1`: also set the session cookie', schema: { type: 'string', enum: ['1'] } })
  @ApiOkResponse({ type: LoginResponse, headers: SESSION_COOKIE_HEADER })
  @ApiProblems(400, 401, 429)
  async login(@Body() body: LoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const answer = await this.identity.login(body.email, body.password, req.ip ?? 'unknown');
    if (hasCsrfHeader(req.headers)) {
      res.cookie(SESSION_COOKIE, answer.accessToken, { ...this.cookieOptions(), maxAge: this.config.get('JWT_TTL_SECONDS') * 1000 });
    }
    return answer;
  }

  @Post('logout')
  @ApiOperation({
    summary: 'Log out of the web portal',
    description:
      `Clears the session cookie \`${SESSION_COOKIE}\` (an expired Set-Cookie with the same attributes). Public, needs no ${CSRF_HEADER} header. ` +
      'The access token itself stays valid until it expires (tokens are not stored); a script holding a bearer token simply discards it.',
  })
  @HttpCode(204)
  @Anyone()
  @ApiNoContentResponse({
    description: 'The cookie is cleared',
    headers: { 'Set-Cookie': { description: `\`${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict\``, schema: { type: 'string' } } },
  })
  @ApiProblems(429)
  logout(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, this.cookieOptions());
  }

  /** The same attributes when the cookie is set and when it is cleared, or the browser keeps it. */
  private cookieOptions() {
    return sessionCookieOptions(this.config.get('COOKIE_SECURE') === true);
  }
}
