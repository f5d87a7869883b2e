import { generateValidIco, isValidIco } from './ico';

describe('isValidIco', () => {
  it.each([
    ['00064581'], // Prague City; r = 0 → check digit 1
    ['00216208'], // Charles University
    ['00006947'], // Ministry of Finance
    ['45274649'],
    ['25755277'],
    ['27074358'],
    ['26740010'], // r = 1 → check digit 0
    ['68407700'],
    ['00551023'],
  ])('accepts %s', (ico) => {
    expect(isValidIco(ico)).toBe(true);
  });

  it.each([
    ['00064582', 'wrong check digit'],
    ['00064580', 'wrong check digit'],
    ['25755278', 'wrong check digit'],
    ['26740011', 'wrong check digit where r = 1'],
    ['0064581', 'seven digits'],
    ['000064581', 'nine digits'],
    ['', 'empty'],
    ['0006458A', 'a letter'],
    ['ABCDEFGH', 'letters'],
    ['000 64581', 'inner space'],
    [' 00064581', 'leading space'],
    ['00064581 ', 'trailing space'],
    ['00064581\n', 'trailing newline'],
    ['０００６４５８１', 'full-width digits'],
    ['-0064581', 'sign'],
  ])('rejects %j (%s)', (ico) => {
    expect(isValidIco(ico)).toBe(false);
  });

  it('accepts exactly one check digit for every prefix, including r = 10 (check digit 1)', () => {
    // 0000005: sum = 5 * 2 = 10, r = 10 → 11 - 10 = 1
    expect(['00000050', '00000051', '00000052'].map(isValidIco)).toEqual([false, true, false]);
    for (const prefix of ['0000000', '1234567', '9999999', '2575527']) {
      const valid = [...'0123456789'].filter((d) => isValidIco(prefix + d));
      expect(valid).toHaveLength(1);
    }
  });
});

describe('generateValidIco', () => {
  it('is deterministic and keeps the seed as the first seven digits', () => {
    expect(generateValidIco(6458)).toBe('00064581');
    expect(generateValidIco(2575527)).toBe('25755277');
    expect(generateValidIco(2674001)).toBe('26740010');
    expect(generateValidIco(0)).toBe('00000001');
    expect(generateValidIco(9_999_999)).toBe(generateValidIco(9_999_999));
  });

  it('always returns a valid 8-digit IČO across the seed range', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed <= 9_999_999; seed += 997) {
      const ico = generateValidIco(seed);
      expect(ico).toMatch(/^[0-9]{8}$/);
      expect(isValidIco(ico)).toBe(true);
      seen.add(ico);
    }
    expect(isValidIco(generateValidIco(9_999_999))).toBe(true);
    expect(seen.size).toBe(Math.floor(9_999_999 / 997) + 1);
  });

  it.each([[-1], [10_000_000], [1.5], [Number.NaN]])('rejects seed %p', (seed) => {
    expect(() => generateValidIco(seed)).toThrow(RangeError);
  });
});
