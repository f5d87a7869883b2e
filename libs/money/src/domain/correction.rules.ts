import type { ApplicationStatus } from '@app/applications/domain';
import type { MovementType } from './ledger';
import type { Violation } from './czk';

/** The movements the Budget Department records itself, and so may correct by a reversal. */
export const CORRECTABLE_MOVEMENTS: readonly MovementType[] = ['payment', 'return'];

/**
 * May the Budget Department reverse this movement of an application? Only its
 * own records (payments, returns), never of a closed application, and never a
 * payment the recipient has already settled against. checkReversal then checks
 * that no later movement depends on the money.
 */
export function checkCorrection(input: { type: MovementType; status: ApplicationStatus; settled: boolean }): Violation[] {
  if (!CORRECTABLE_MOVEMENTS.includes(input.type)) {
    return [{ code: 'INVALID_STATUS_TRANSITION', message: `A ${input.type} is not reversed here; only payments and returns recorded by mistake are.` }];
  }
  if (input.status === 'closed') {
    return [{ code: 'INVALID_STATUS_TRANSITION', message: 'The application is closed; its movements can no longer be reversed.' }];
  }
  if (input.type === 'payment' && input.settled) {
    return [
      { code: 'INVALID_STATUS_TRANSITION', message: 'The recipient has settled the grant against its payments; a payment can no longer be reversed.' },
    ];
  }
  return [];
}
