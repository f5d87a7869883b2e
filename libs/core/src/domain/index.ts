/**
 * core's pure pieces (no Nest, no TypeORM, no Node API): Prague time, the
 * roles, the error codes and the shape of a rule's violation. The front door for
 * every library's domain/ rules and for the portal.
 */
export * from '../auth/role';
export * from '../errors/domain-error';
export * from '../errors/error-code';
export * from '../time/prague-time';
export * from './csv';
