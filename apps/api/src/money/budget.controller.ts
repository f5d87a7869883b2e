import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser } from '@app/core';
import { LedgerService, ReversalsService } from '@app/money';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { CallBudgetResponse, LedgerCheckResponse, ReversalRequest, ReversalResponse } from './dto/money.dto';

@ApiTags('money')
@Controller()
export class BudgetController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly reversals: ReversalsService,
  ) {}

  @Get('calls/:id/budget')
  @ApiOperation({ summary: 'The call’s money per part', description: 'availableCzk = allocationCzk − committedCzk.' })
  @Auth('officer', 'budget')
  @ApiOkResponse({ type: CallBudgetResponse })
  @ApiProblems(400, 404)
  budget(@Param('id', UuidPipe) id: string): Promise<CallBudgetResponse> {
    return this.ledger.callBudget(id);
  }

  @Get('ledger/check')
  @ApiOperation({
    summary: 'Check the cached balances against the ledger',
    description: 'Recomputes every part’s and application’s balances from the ledger entries, and that every transaction sums to zero. `ok` when all agree.',
  })
  @Auth('budget', 'admin')
  @ApiOkResponse({ type: LedgerCheckResponse })
  check(): Promise<LedgerCheckResponse> {
    return this.ledger.check();
  }

  @Post('ledger/transactions/:id/reversal')
  @ApiOperation({
    summary: 'Reverse a payment or a return recorded by mistake',
    description:
      'Budget Department only. The ledger is append-only: a correction is a reversal (the same entries, signs swapped), once per transaction, ' +
      'refused (409 INVALID_STATUS_TRANSITION) while later movements depend on the money.',
  })
  @Auth('budget')
  @ApiCreatedResponse({ type: ReversalResponse })
  @ApiProblems(400, 404, 409)
  reverse(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ReversalRequest): Promise<ReversalResponse> {
    return this.reversals.reverse(caller, id, body.reason);
  }
}
