import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { BankAccountsService } from '@app/identity';
import { pageOf } from '../common/pagination.dto';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  BankAccountChangeRequest,
  BankAccountRejectionRequest,
  BankAccountRequestPageResponse,
  BankAccountRequestQuery,
  BankAccountRequestResponse,
} from './dto/bank-accounts.dto';

/**
 * Changes of an organisation's registered bank account (the account its
 * grants are contracted and paid to): the organisation's user asks, an
 * officer confirms or rejects; never one person alone.
 */
@ApiTags('identity')
@Controller()
export class BankAccountsController {
  constructor(private readonly bankAccounts: BankAccountsService) {}

  @Post('organisations/:id/bank-account-requests')
  @ApiOperation({
    summary: 'Ask for a new registered bank account (the organisation’s user)',
    description:
      'The account is checked like at registration (400 INVALID_BANK_ACCOUNT) and must differ from the registered one. One request at a time ' +
      '(409 BANK_ACCOUNT_REQUEST_PENDING). Nothing changes until an officer confirms: contracts and payments keep the registered account. ' +
      'Another organisation is 404.',
  })
  @Auth('applicant')
  @ApiCreatedResponse({ type: BankAccountRequestResponse })
  @ApiProblems(400, 404, 409)
  request(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: BankAccountChangeRequest): Promise<BankAccountRequestResponse> {
    return this.bankAccounts.request(caller, id, body.bankAccount);
  }

  @Get('organisations/:id/bank-account-requests')
  @ApiOperation({ summary: 'An organisation’s bank account requests, newest first (its users, officers, budget)' })
  @Auth('applicant', 'officer', 'budget')
  @ApiOkResponse({ type: [BankAccountRequestResponse] })
  @ApiProblems(400, 404)
  ofOrganisation(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<BankAccountRequestResponse[]> {
    return this.bankAccounts.ofOrganisation(caller, id);
  }

  @Get('bank-account-requests')
  @ApiOperation({ summary: 'Every organisation’s bank account requests, oldest first (`status=pending`: the officers’ queue)' })
  @Auth('officer', 'budget')
  @ApiOkResponse({ type: BankAccountRequestPageResponse })
  @ApiProblems(400)
  async list(@Query() query: BankAccountRequestQuery): Promise<BankAccountRequestPageResponse> {
    return pageOf(await this.bankAccounts.page(query.status, query.page, query.pageSize), query);
  }

  @Post('bank-account-requests/:id/confirmation')
  @ApiOperation({
    summary: 'Confirm a bank account request (officer)',
    description:
      'The account is registered from now; the previous one stays in the history the reconciliation reads. Not by an officer affiliated with the organisation ' +
      '(403). Only a pending request (409 BANK_ACCOUNT_REQUEST_DECIDED). Audited on the organisation with the requester’s and the officer’s names.',
  })
  @Auth('officer')
  @ApiCreatedResponse({ type: BankAccountRequestResponse })
  @ApiProblems(400, 404, 409)
  confirm(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<BankAccountRequestResponse> {
    return this.bankAccounts.confirm(caller, id);
  }

  @Post('bank-account-requests/:id/rejection')
  @ApiOperation({
    summary: 'Reject a bank account request with a reason (officer)',
    description: 'The registered account stays. Only a pending request (409 BANK_ACCOUNT_REQUEST_DECIDED); not by an officer affiliated with the organisation (403).',
  })
  @Auth('officer')
  @ApiCreatedResponse({ type: BankAccountRequestResponse })
  @ApiProblems(400, 404, 409)
  reject(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: BankAccountRejectionRequest): Promise<BankAccountRequestResponse> {
    return this.bankAccounts.reject(caller, id, body.reason);
  }
}
