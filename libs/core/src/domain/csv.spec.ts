import { csvField, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text, numbers and Czech letters as they are', () => {
    expect(csvField('Poradna pro cizince')).toBe('Poradna pro cizince');
    expect(csvField('Žluťoučký kůň úpěl ďábelské ódy')).toBe('Žluťoučký kůň úpěl ďábelské ódy');
    expect(csvField(175_000)).toBe('175000');
    expect(csvField(null)).toBe('');
    expect(csvField('')).toBe('');
  });

  it('quotes a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('Poradna, z. s.')).toBe('"Poradna, z. s."');
    expect(csvField('Spolek "Klub"')).toBe('"Spolek ""Klub"""');
    expect(csvField('řádek 1\r\nřádek 2')).toBe('"řádek 1\r\nřádek 2"');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+420 601 234 567')).toBe('"\'+420 601 234 567"');
    expect(csvField('-5')).toBe('"\'-5"');
    expect(csvField('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvField('19-2000145399/0800')).toBe('19-2000145399/0800');
  });
});

describe('toCsv', () => {
  it('writes a BOM, the header and every record with CRLF', () => {
    expect(toCsv(['a', 'b'], [['x, y', 1], [null, 'ž']])).toBe('\uFEFFa,b\r\n"x, y",1\r\n,ž\r\n');
  });

  it('writes only the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
  });
});
