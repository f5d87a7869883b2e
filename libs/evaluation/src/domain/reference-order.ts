const TRAILING_NUMBER = /^(.*?)([0-9]+)$/;

/**
 * Orders reference numbers as people read them: `INT-2027-0002` before
 * `INT-2027-0010`, and `INT-2027-9999` before `INT-2027-10000` (the sequence
 * grows past 4 digits). The trailing number is compared by value, the rest by
 * code units, so the order does not depend on a locale.
 */
export function compareReferenceNumbers(a: string, b: string): number {
  const ma = TRAILING_NUMBER.exec(a);
  const mb = TRAILING_NUMBER.exec(b);
  if (ma && mb) {
    const byPrefix = compareCodeUnits(ma[1], mb[1]);
    if (byPrefix !== 0) return byPrefix;
    const na = ma[2].replace(/^0+(?=.)/, '');
    const nb = mb[2].replace(/^0+(?=.)/, '');
    if (na.length !== nb.length) return na.length - nb.length;
    const byValue = compareCodeUnits(na, nb);
    if (byValue !== 0) return byValue;
  }
  return compareCodeUnits(a, b);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
