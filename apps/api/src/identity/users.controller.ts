import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiOperation } from '@nestjs/swagger';
import { CurrentUser } from '@app/core/auth/auth.decorators';
import type { AuthUser } from '@app/core/auth/role';
import { IdentityService } from '@app/identity/identity.service';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { NewStaffUserRequest, OrganisationResponse, UserResponse } from './dto/identity.dto';

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

  @Get('organisations/:id')
  @ApiOperation({ summary: 'An organisation (its members, officers, budget)' })
  @Auth('applicant', 'officer', 'budget')
  @ApiOkResponse({ type: OrganisationResponse })
  @ApiProblems(400, 404)
  organisation(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<OrganisationResponse> {
    return this.identity.getOrganisation(caller, id);
  }
}
