/** evaluation's pure rules: the front door for other libraries' rules, the apps' contract types and the portal. */
export * from './calendar-date';
export * from './conflict-of-interest.rules';
export * from './evaluation-errors';
export * from './formal-check.rules';
export * from './funding-line';
export * from './normalisation';
export * from './peer-scores';
export * from './quorum';
export * from './ranking-board';
export * from './ranking';
export * from './reference-order';
export * from './rounding';
export * from './score-aggregate';
export * from './score-sheet-state';
export * from './scoring.rules';
export * from './violation';
