import { ContractEntity } from './contract.entity';
import { DecisionEntity } from './decision.entity';
import { LedgerEntryEntity, LedgerTransactionEntity } from './ledger.entities';
import { MoneyReturnEntity } from './money-return.entity';
import { PaymentEntity } from './payment.entity';
import { SettlementEntity } from './settlement.entity';

/** money's tables: decisions, contracts, payments, settlements, returns and the ledger. */
export const MONEY_ENTITIES = [DecisionEntity, ContractEntity, PaymentEntity, SettlementEntity, MoneyReturnEntity, LedgerTransactionEntity, LedgerEntryEntity];
