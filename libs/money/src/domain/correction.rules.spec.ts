import { checkCorrection } from './correction.rules';

describe('checkCorrection', () => {
  it('lets the Budget Department reverse its payments and returns', () => {
    expect(checkCorrection({ type: 'payment', status: 'contracted', settled: false })).toEqual([]);
    expect(checkCorrection({ type: 'return', status: 'settled', settled: true })).toEqual([]);
  });

  it.each(['commitment', 'release', 'allocation', 'penalty', 'reversal'] as const)('refuses a %s', (type) => {
    expect(checkCorrection({ type, status: 'contracted', settled: false }).map((v) => v.code)).toEqual(['INVALID_STATUS_TRANSITION']);
  });

  it('refuses anything of a closed application', () => {
    expect(checkCorrection({ type: 'return', status: 'closed', settled: true })[0].message).toBe(
      'The application is closed; its movements can no longer be reversed.',
    );
  });

  it('refuses a payment once the recipient has settled against it', () => {
    expect(checkCorrection({ type: 'payment', status: 'settlement_submitted', settled: true })[0].message).toContain('settled the grant');
  });
});
