/** calls' pure rules: the front door for other libraries' rules, the apps' contract types and the portal. */
export * from './call.rules';
export * from './calls-errors';
export * from './commission.rules';
