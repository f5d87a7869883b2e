/** money's pure rules: the front door for the apps' contract types and for the portal. */
export * from './contract-account.rules';
export * from './contract.rules';
export * from './correction.rules';
export * from './czk';
export * from './decision.rules';
export * from './ledger';
export * from './money-errors';
export * from './payment.rules';
export * from './penalty';
export * from './reconciliation';
export * from './reports';
export * from './settlement.rules';
export * from './single-decision.rules';
export * from './staff-conflict.rules';
export * from './three-sixty-giving';
