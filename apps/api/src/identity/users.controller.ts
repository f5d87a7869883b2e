import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig, type AuthUser, CSRF_HEADER, CurrentUser, SESSION_COOKIE } from '@app/core';
import { IdentityService } from '@app/identity';
import { pageOf } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  AffiliationsRequest,
  AffiliationsResponse,
  DirectoryUserResponse,
  DisableUserRequest,
  LoginResponse,
  NewStaffUserRequest,
  OrganisationResponse,
  PasswordChangeRequest,
  PasswordResetIssuedResponse,
  RoleChangeRequest,
  UserListQuery,
  UserPageResponse,
  UserResponse,
} from './dto/identity.dto';
import { SESSION_COOKIE_HEADER, setSessionCookie } from './session-cookie';

@ApiTags('identity')
@Controller()
export class UsersController {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The calling user' })
  @Auth('applicant', 'officer', 'commission', 'budget', 'admin')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() caller: AuthUser): Promise<UserResponse> {
    return this.identity.me(caller);
  }

  @Put('me/password')
  @ApiOperation({
    summary: 'Change my password (the current one is required)',
    description:
      'Every access token of the user stops working at once (other browsers and scripts are signed out); the answer carries a new token, like a login, ' +
      `and with \`${CSRF_HEADER}: 1\` (the portal) renews the session cookie \`${SESSION_COOKIE}\`. A wrong current password is 422 CURRENT_PASSWORD_WRONG ` +
      'and counts as a failed login (429 RATE_LIMITED at the same limits).',
  })
  @HttpCode(200)
  @Auth('applicant', 'officer', 'commission', 'budget', 'admin')
  @ApiOkResponse({ type: LoginResponse, headers: SESSION_COOKIE_HEADER })
  @ApiProblems(400, 422, 429)
  async changePassword(
    @CurrentUser() caller: AuthUser,
    @Body() body: PasswordChangeRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const answer = await this.identity.changePassword(caller, body.currentPassword, body.newPassword, req.ip ?? 'unknown');
    setSessionCookie(req, res, this.config, answer.accessToken);
    return answer;
  }

  @Post('users')
  @ApiOperation({ summary: 'Create a staff user (admin)' })
  @Auth('admin')
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, 409)
  createUser(@CurrentUser() caller: AuthUser, @Body() body: NewStaffUserRequest): Promise<UserResponse> {
    return this.identity.createStaffUser(caller, body);
  }

  @Get('users')
  @ApiOperation({
    summary: 'List users with their affiliations',
    description: 'Admins: every user, or those of `role`. Officers: commission members only, to seat a call’s commission (`role=commission`; any other or none: 403). By name, then email.',
  })
  @Auth('admin', 'officer')
  @ApiOkResponse({ type: UserPageResponse })
  @ApiProblems(400)
  async listUsers(@CurrentUser() caller: AuthUser, @Query() query: UserListQuery): Promise<UserPageResponse> {
    return pageOf(await this.identity.listUsers(caller, query.role, query.page, query.pageSize), query);
  }

  @Put('users/:id/affiliations')
  @ApiOperation({
    summary: 'Set the organisations a staff user is affiliated with (admin)',
    description: 'A commission member affiliated with an applicant organisation is in conflict of interest with its applications automatically.',
  })
  @Auth('admin')
  @ApiOkResponse({ type: AffiliationsResponse })
  @ApiProblems(400, 404)
  setAffiliations(
    @CurrentUser() caller: AuthUser,
    @Param('id', UuidPipe) id: string,
    @Body() body: AffiliationsRequest,
  ): Promise<AffiliationsResponse> {
    return this.identity.setAffiliations(caller, id, body.organisationIds);
  }

  @Post('users/:id/disable')
  @ApiOperation({
    summary: 'Disable a user (admin)',
    description:
      'The user can no longer log in (the right password gets 403 ACCOUNT_DISABLED) and every token they hold stops working at once; outstanding reset tokens are revoked. ' +
      'Applicants too. Not one’s own account (409 CANNOT_CHANGE_OWN_ACCOUNT). Disabling a disabled user changes nothing.',
  })
  @HttpCode(200)
  @Auth('admin')
  @ApiOkResponse({ type: DirectoryUserResponse })
  @ApiProblems(400, 404, 409)
  disable(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: DisableUserRequest): Promise<DirectoryUserResponse> {
    return this.identity.disableUser(caller, id, body.reason ?? null);
  }

  @Post('users/:id/enable')
  @ApiOperation({ summary: 'Enable a disabled user again (admin)', description: 'The user may log in again; tokens from before the disable stay cut.' })
  @HttpCode(200)
  @Auth('admin')
  @ApiOkResponse({ type: DirectoryUserResponse })
  @ApiProblems(400, 404)
  enable(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<DirectoryUserResponse> {
    return this.identity.enableUser(caller, id);
  }

  @Put('users/:id/role')
  @ApiOperation({
    summary: 'Change a staff user’s role (admin)',
    description:
      'Every token of the user stops working at once (tokens carry the role). Applicants keep theirs (400 VALIDATION_FAILED); not one’s own role (409 CANNOT_CHANGE_OWN_ACCOUNT).',
  })
  @Auth('admin')
  @ApiOkResponse({ type: DirectoryUserResponse })
  @ApiProblems(400, 404, 409)
  changeRole(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: RoleChangeRequest): Promise<DirectoryUserResponse> {
    return this.identity.changeRole(caller, id, body.role);
  }

  @Post('users/:id/password-reset')
  @ApiOperation({
    summary: 'Issue a one-time password reset token (admin)',
    description:
      'The token is in this answer only (stored as a hash): hand it to the user, who sets a new password with `POST /auth/password-reset` within 24 hours. ' +
      'A newer reset replaces an unused older one.',
  })
  @Auth('admin')
  @ApiCreatedResponse({ type: PasswordResetIssuedResponse })
  @ApiProblems(400, 404)
  issuePasswordReset(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<PasswordResetIssuedResponse> {
    return this.identity.issuePasswordReset(caller, id);
  }

  @Get('organisations/:id')
  @ApiOperation({ summary: 'An organisation (its members, officers, budget)' })
  @Auth('applicant', 'officer', 'budget')
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiProblems(400, 404)
  organisation(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<OrganisationResponse> {
    return this.identity.getOrganisation(caller, id);
  }
}
