import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { IdentityService } from '@app/identity';
import { pageOf } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  AffiliationsRequest,
  AffiliationsResponse,
  NewStaffUserRequest,
  OrganisationResponse,
  UserListQuery,
  UserPageResponse,
  UserResponse,
} from './dto/identity.dto';

@ApiTags('identity')
@Controller()
export class UsersController {
  constructor(private readonly identity: IdentityService) {}

  @Get('me')
  @ApiOperation({ summary: 'The calling user' })
  @Auth('applicant', 'officer', 'commission', 'budget', 'admin')
  @ApiOkResponse({ type: UserResponse })
  me(@CurrentUser() caller: AuthUser): Promise<UserResponse> {
    return this.identity.me(caller);
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

  @Get('organisations/:id')
  @ApiOperation({ summary: 'An organisation (its members, officers, budget)' })
  @Auth('applicant', 'officer', 'budget')
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiProblems(400, 404)
  organisation(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<OrganisationResponse> {
    return this.identity.getOrganisation(caller, id);
  }
}
