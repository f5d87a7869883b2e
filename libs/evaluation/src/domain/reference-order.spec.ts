import fc from 'fast-check';
import { compareReferenceNumbers } from './reference-order';

describe('compareReferenceNumbers', () => {
  it('orders by the trailing number, past 4 digits too', () => {
    const refs = ['INT-2027-10000', 'INT-2027-0010', 'INT-2027-9999', 'INT-2027-0002', 'INT-2027-0001', 'INT-2027-123456'];
    expect([...refs].sort(compareReferenceNumbers)).toEqual([
      'INT-2027-0001',
      'INT-2027-0002',
      'INT-2027-0010',
      'INT-2027-9999',
      'INT-2027-10000',
      'INT-2027-123456',
    ]);
  });

  it('orders by prefix first, so the calls of a programme stay apart', () => {
    expect(compareReferenceNumbers('INT-2027-0005', 'INT-2027-2-0001')).toBeLessThan(0);
    expect(compareReferenceNumbers('INT-2027-2-0001', 'INT-2027-0005')).toBeGreaterThan(0);
  });

  it('is 0 only for the same reference', () => {
    expect(compareReferenceNumbers('INT-2027-0042', 'INT-2027-0042')).toBe(0);
    expect(compareReferenceNumbers('INT-2027-042', 'INT-2027-0042')).not.toBe(0); // not produced, but still a total order
  });

  it('falls back to code-unit order without a trailing number', () => {
    expect(compareReferenceNumbers('ABC', 'ABD')).toBeLessThan(0);
    expect(compareReferenceNumbers('INT-2027-0001', 'INT-2027-X')).toBeLessThan(0);
  });

  it('agrees with the numeric order of the sequence', () => {
    const seq = fc.integer({ min: 1, max: 10_000_000 });
    const ref = (n: number) => `INT-2027-${String(n).padStart(4, '0')}`;
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        expect(Math.sign(compareReferenceNumbers(ref(a), ref(b)))).toBe(Math.sign(a - b));
      }),
    );
  });
});
