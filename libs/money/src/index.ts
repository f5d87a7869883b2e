/** money's front door: its modules and the services the apps call. */
export { MoneyPortsModule } from './money-ports.module';
export { ContractsService } from './contracts.service';
export { DecisionsService } from './decisions.service';
export { LedgerService } from './ledger.service';
export { MONEY_ENTITIES } from './money.entities';
export { MoneyModule } from './money.module';
export { PaymentsService } from './payments.service';
export { ReportsService } from './reports.service';
export { ReturnsService } from './returns.service';
export { ReversalsService } from './reversals.service';
export { SettlementReviewService } from './settlement-review.service';
export { SettlementsService } from './settlements.service';
export * from './domain';
