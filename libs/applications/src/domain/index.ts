/** applications' pure rules: the front door for other libraries' rules, the apps' contract types and the portal. */
export * from './application-status';
export * from './applications-errors';
export * from './budget';
export * from './correction-deadline';
export * from './reference-number';
export * from './submission.rules';
export * from './proposal-visibility';
