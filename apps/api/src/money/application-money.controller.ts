import { Body, Controller, Get, Param, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, IdempotencyInterceptor } from '@app/core';
import { ContractsService, DecisionsService, LedgerService, PaymentsService, ReturnsService, SettlementReviewService, SettlementsService } from '@app/money';
import { ApiProblems, Auth } from '../common/route.decorators';
import { UuidPipe } from '../common/uuid.pipe';
import {
  ContractAmendmentRequest,
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
      'Approve or reject a recommended or not_recommended application. Approving a not_recommended one, or above the commission’s proposal, needs ' +
      '`deviationReason` (else 422 DEVIATION_REASON_REQUIRED). The resolution is dated from the day the call’s evaluation closed (else 422 ' +
      'RESOLUTION_BEFORE_EVALUATION_CLOSE). An approval commits the amount against the part’s allocation atomically ' +
      '(409 ALLOCATION_EXCEEDED); the Council may award one IČO at most COUNCIL_THRESHOLD_CZK (default CZK 1,000,000) a calendar year, all awards counted ' +
      '(else 422 ASSEMBLY_DECISION_REQUIRED). An officer affiliated with the applicant organisation is refused (403 CONFLICT_OF_INTEREST), as for the ' +
      'contract, the settlement review and payments. An application that is a line of a resolution draft is decided by that resolution (409 ' +
      'APPLICATION_IN_RESOLUTION: edit the line, or withdraw the draft). Queues the decision letter in the same transaction.',
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
  @ApiOperation({
    summary: 'Record the signed contract',
    description:
      'Approved → contracted. Over CZK 50,000 it must be published within 30 days: `publicationDueOn`. ' +
      'Names the organisation’s registered bank account (taken when `bankAccount` is left out; another account, or none registered: 422 BANK_ACCOUNT_NOT_REGISTERED) ' +
      'The settlement deadline is the call’s `settlementDueOn` unless the contract sets another (after the signature).',
  })
  @Auth('officer')
  @ApiCreatedResponse({ type: ContractResponse })
  @ApiProblems(400, 404, 409, 422)
  contract(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ContractRequest): Promise<ContractResponse> {
    return this.contracts.sign(caller, id, body);
  }

  @Patch('contract')
  @ApiOperation({
    summary: 'Amend the contract’s settlement deadline',
    description:
      'Until the settlement is reviewed (else 409 CONTRACT_NOT_EDITABLE; no contract: 409 CONTRACT_REQUIRED). The deadline must fall after the signature. ' +
      'The unspent money is due by it, the reconciliation and the §22 penalties judge by it.',
  })
  @Auth('officer')
  @ApiOkResponse({ type: ContractResponse })
  @ApiProblems(400, 404, 409)
  amendContract(@CurrentUser() caller: AuthUser, @Param('id', UuidPipe) id: string, @Body() body: ContractAmendmentRequest): Promise<ContractResponse> {
    return this.contracts.amend(caller, id, body);
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
    description:
      'Budget Department only. Needs a contract (409 CONTRACT_REQUIRED); paid to the organisation’s registered account — the contract’s, or the one a confirmed ' +
      'change registered since (none registered: 422 BANK_ACCOUNT_NOT_REGISTERED); all payments at most the award (409 PAYMENT_EXCEEDS_AWARD). ' +
      'Not by a user affiliated with the applicant organisation (403 CONFLICT_OF_INTEREST).',
  })
  @Auth('budget')
  @UseInterceptors(IdempotencyInterceptor)
  @IDEMPOTENCY
  @ApiCreatedResponse({ type: PaymentResponse })
  @ApiProblems(400, 404, 409, 422)
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
    description:
      '→ settled (closed when nothing is owed). returnDueCzk = paid − returned − accepted: the unspent money (paid − spent) was due by the contract’s ' +
      'settlement deadline, the refused money (spent − accepted) is due by `remedyDueOn` (30 days after the review unless set; after today). ' +
      'When everything owed is already back, the §22 penalty for what came back late is levied now. The unpaid rest of the award goes back to the part. ' +
      'Not by an officer affiliated with the applicant organisation (403 CONFLICT_OF_INTEREST).',
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
      'Budget Department only. Pays the return due first, then a §22 penalty, which is levied when the claimed return is complete and was late: ' +
      '1 ‰ a day from the day after the due date (the unspent money: the contract’s settlement deadline; the refused money: the review’s remedy deadline; ' +
      'every return of grant money pays the earliest-due debt first), each debt capped at its late amount, none when the total is ≤ CZK 1,000. ' +
      'The application closes when nothing is owed.',
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
