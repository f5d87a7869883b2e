import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { IdentityService } from '@app/identity/identity.service';
import { ApiProblems, Anyone } from '../common/route.decorators';
import { LoginRequest, LoginResponse, RegisterRequest, RegisterResponse } from './dto/identity.dto';

@ApiTags('identity')
@Controller('auth')
@UseGuards(ThrottlerGuard)
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Post('register')
  @ApiOperation({ summary: 'Register an organisation with its first applicant user' })
  @Anyone()
  @ApiCreatedResponse({ type: RegisterResponse })
  @ApiProblems(400, 409, 429)
  register(@Body() body: RegisterRequest): Promise<RegisterResponse> {
    return this.identity.register(body);
  }

  @Post('login')
  @ApiOperation({ summary: 'Log in and get an access token' })
  @HttpCode(200)
  @Anyone()
  @ApiOkResponse({ type: LoginResponse })
  @ApiProblems(400, 401, 429)
  login(@Body() body: LoginRequest, @Req() req: Request): Promise<LoginResponse> {
    return this.identity.login(body.email, body.password, req.ip ?? 'unknown');
  }
}
