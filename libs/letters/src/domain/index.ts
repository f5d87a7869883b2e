/** letters' pure rules: the front door for other libraries' rules and for the portal. */
export * from './czech-amount';
export * from './czech-date';
export * from './letter-job.rules';
export * from './letter-kind';
export * from './letter-reference';
export * from './letters-errors';
export * from './commission-minutes';
