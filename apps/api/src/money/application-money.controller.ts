import { Body, Controller, Get, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, IdempotencyInterceptor } from '@app/core';
import { ContractsService, DecisionsService, LedgerService, PaymentsService, ReturnsService, SettlementReviewService, SettlementsService } from '@app/money';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  ContractRequest,
  ContractResponse,
  DecisionRequest,
  DecisionResponse,
  LedgerLineResponse,
  PaymentRequest,
  PaymentResponse,
  PublicationRequest,
  ReturnRequest,
  ReturnResponse,
  SettlementRequest,
  SettlementResponse,
  SettlementReviewRequest,
} from './dto/money.dto';

const IDEMPOTENCY = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key and body → the first response again, also for concurrent duplicates' });

/** Decisions, contracts and money of one application. Segregated duties: officers decide and contract, the Budget Department pays. */
@ApiTags('money')
@Controller('applications/:id')
export class ApplicationMoneyController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly contracts: ContractsService,
    private readonly payments: PaymentsService,
    private readonly settlements: SettlementsService,
    private readonly reviews: SettlementReviewService,
    private readonly returns: ReturnsService,
    private readonly ledger: LedgerService,
  ) {}

  @Post('decision')
  @ApiOperation({
    summary: 'Record the council’s or assembly’s decision',
    description:
      'Approve (from recommended) or reject (from recommended or not_recommended). An approval commits the amount against the part’s allocation atomically ' +
      '(409 ALLOCATION_EXCEEDED); the Council may award one IČO at most COUNCIL_THRESHOLD_CZK (default CZK 1,000,000) a calendar year, all awards counted ' +
      '(else 422 ASSEMBLY_DECISION_REQUIRED). Queues the decision letter in the same transaction.',
  })
  @Auth('officer')
  @UseInterceptors(IdempotencyInterceptor)
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiProblems(400, 404, 409, 422)
  decide(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: DecisionRequest): Promise<DecisionResponse> {
    return this.decisions.decide(caller, id, body);
  }

  @Post('contract')
  @ApiOperation({ summary: 'Record the signed contract', description: 'Approved → contracted. Over CZK 50,000 it must be published within 30 days: `publicationDueOn`.' })
  @Auth('officer')
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiProblems(400, 404, 409)
  contract(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ContractRequest): Promise<ContractResponse> {
    return this.contracts.sign(caller, id, body);
  }

  @Post('contract/publication')
  @ApiOperation({ summary: 'Record the contract’s publication in the register of contracts' })
  @Auth('officer')
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiProblems(400, 404, 409)
  publish(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: PublicationRequest): Promise<ContractResponse> {
    return this.contracts.publish(caller, id, body);
  }

  @Post('payments')
  @ApiOperation({
    summary: 'Record a payment (instalment)',
    description: 'Budget Department only. Needs a contract (409 CONTRACT_REQUIRED); paid to the contract’s account; all payments at most the award (409 PAYMENT_EXCEEDS_AWARD).',
  })
  @Auth('budget')
  @UseInterceptors(IdempotencyInterceptor)
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiProblems(400, 404, 409)
  pay(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: PaymentRequest): Promise<PaymentResponse> {
    return this.payments.pay(caller, id, body);
  }

  @Post('settlement')
  @ApiOperation({ summary: 'Submit the financial settlement', description: 'The recipient only. Spent at most what was paid (422 SETTLEMENT_EXCEEDS_PAYMENTS).' })
  @Auth('applicant')
  @ApiCreatedResponse({ type: SettlementResponse })
  @ApiProblems(400, 404, 409, 422)
  settle(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: SettlementRequest): Promise<SettlementResponse> {
    return this.settlements.submit(caller, id, body);
  }

  @Post('settlement/review')
  @ApiOperation({
    summary: 'Review the settlement',
    description: '→ settled (closed when nothing is to be returned). returnDueCzk = paid − returned − accepted, due in 30 days; the unpaid rest of the award goes back to the part.',
  })
  @Auth('officer')
  @ApiCreatedResponse({ type: SettlementResponse })
  @ApiProblems(400, 404, 409, 422)
  review(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: SettlementReviewRequest): Promise<SettlementResponse> {
    return this.reviews.review(caller, id, body);
  }

  @Post('returns')
  @ApiOperation({
    summary: 'Record money returned',
    description:
      'Budget Department only. Pays the return due first, then a §22 penalty (1 ‰ a day from the day after the due date, capped at the late amount, none when ≤ CZK 1,000), ' +
      'which is levied when the claimed return is complete and was late. The application closes when nothing is owed.',
  })
  @Auth('budget')
  @UseInterceptors(IdempotencyInterceptor)
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: ReturnResponse })
  @ApiProblems(400, 404, 409)
  recordReturn(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ReturnRequest): Promise<ReturnResponse> {
    return this.returns.recordReturn(caller, id, body);
  }

  @Get('ledger')
  @ApiOperation({ summary: 'Every money movement of the application', description: 'From the append-only double-entry ledger; corrections appear as reversals.' })
  @Auth('applicant', 'officer', 'budget')
  @ApiOkResponse({ type: [LedgerLineResponse] })
  @ApiProblems(404)
  ledgerOf(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string): Promise<LedgerLineResponse[]> {
    return this.ledger.applicationLedger(caller, id);
  }
}
