import { formatReferenceNumber, referencePrefix } from './reference-number';

describe('referencePrefix', () => {
  it('omits the sequence for the first call of a programme', () => {
    expect(referencePrefix('INT', 2027, 1)).toBe('INT-2027');
  });

  it('adds the sequence for later calls', () => {
    expect(referencePrefix('INT', 2027, 2)).toBe('INT-2027-2');
    expect(referencePrefix('INT', 2027, 12)).toBe('INT-2027-12');
  });

  it('keeps references of different calls of one programme apart', () => {
    const refs = [1, 2, 3].flatMap((seq) => [1, 2, 9999, 10000].map((n) => formatReferenceNumber(referencePrefix('INT', 2027, seq), n)));
    expect(new Set(refs).size).toBe(refs.length);
  });

  it.each<[string, number, number]>([
    ['', 2027, 1],
    ['INT', 27, 1],
    ['INT', 2027.5, 1],
    ['INT', 2027, 0],
    ['INT', 2027, 1.5],
  ])('rejects (%j, %p, %p)', (code, year, seq) => {
    expect(() => referencePrefix(code, year, seq)).toThrow(RangeError);
  });
});

describe('formatReferenceNumber', () => {
  it.each([
    [1, 'INT-2027-0001'],
    [42, 'INT-2027-0042'],
    [9999, 'INT-2027-9999'],
    [10000, 'INT-2027-10000'],
    [123456, 'INT-2027-123456'],
  ])('%i → %s', (n, expected) => {
    expect(formatReferenceNumber('INT-2027', n)).toBe(expected);
  });

  it('composes with referencePrefix', () => {
    expect(formatReferenceNumber(referencePrefix('INT', 2027, 1), 1)).toBe('INT-2027-0001');
    expect(formatReferenceNumber(referencePrefix('INT', 2027, 2), 7)).toBe('INT-2027-2-0007');
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('rejects %p', (n) => {
    expect(() => formatReferenceNumber('INT-2027', n)).toThrow(RangeError);
  });
});
