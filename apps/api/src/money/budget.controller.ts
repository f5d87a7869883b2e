import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LedgerService } from '@app/money/ledger.service';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import { CallBudgetResponse, LedgerCheckResponse } from './dto/money.dto';

@ApiTags('money')
@Controller()
export class BudgetController {
  constructor(private readonly ledger: LedgerService) {}

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
}
