import { fillPlaceholders, parseCommonTemplate, parseKindTemplate, placeholdersOf, TemplateError } from './letter-template';

describe('placeholders', () => {
  it('finds {{names}}, spaces inside the braces allowed', () => {
    expect(placeholdersOf('Vážení, {{recipient.name}} a {{ letter.date }}.')).toEqual(['recipient.name', 'letter.date']);
  });

  it('refuses a brace that makes no placeholder', () => {
    for (const bad of ['{{recipient.name}', '{recipient.name}}', '{{}}', '{{1x}}', 'a } b']) expect(() => placeholdersOf(bad)).toThrow(/stray brace/);
  });

  it('fills once: a value is not searched for placeholders again', () => {
    expect(fillPlaceholders('„{{application.title}}“', { 'application.title': 'Projekt {{letter.date}}' })).toBe('„Projekt {{letter.date}}“');
    expect(() => fillPlaceholders('{{part.code}}', {})).toThrow('No value for the placeholder {{part.code}}');
  });
});

describe('parseKindTemplate', () => {
  const ok = { title: 'Oznámení', blocks: [{ paragraph: 'Text {{recipient.name}}' }, { list: ['a', 'b'] }] };

  it('reads the blocks', () => {
    const t = parseKindTemplate({ ...ok, blocks: [...ok.blocks, { heading: 'H' }, { strong: 'S' }, { listOf: 'reasons' }] }, 'rejection.cs.json', 'rejection');
    expect(t.blocks).toEqual([{ paragraph: 'Text {{recipient.name}}' }, { list: ['a', 'b'] }, { heading: 'H' }, { strong: 'S' }, { listOf: 'reasons' }]);
  });

  it('allows each kind only the placeholders and lists its data has, naming the file', () => {
    const amount = { title: 'T', blocks: [{ paragraph: '{{decision.amount}}' }] };
    expect(parseKindTemplate(amount, 'approval.cs.json', 'approval').blocks).toHaveLength(1);
    expect(() => parseKindTemplate(amount, 'rejection.cs.json', 'rejection')).toThrow(
      /^Letter template rejection\.cs\.json: "blocks"\[0\]\.paragraph uses the unknown placeholder \{\{decision\.amount\}\}/,
    );
    expect(() => parseKindTemplate({ title: 'T', blocks: [{ listOf: 'reasons' }] }, 'approval.cs.json', 'approval')).toThrow(
      'Letter template approval.cs.json: "blocks"[0].listOf names the unknown list "reasons" (known here: none)',
    );
    expect(() => parseKindTemplate({ title: '{{correction.dueDate}}', blocks: ok.blocks }, 'ineligible.en.json', 'ineligible')).toThrow(TemplateError);
  });

  it('refuses unknown keys, blocks of two kinds and empty text', () => {
    expect(() => parseKindTemplate({ ...ok, subject: 'x' }, 'f', 'approval')).toThrow('Letter template f: the template has an unknown key "subject"');
    expect(() => parseKindTemplate({ ...ok, blocks: [{ paragraph: 'a', heading: 'b' }] }, 'f', 'approval')).toThrow('"blocks"[0] must be an object with one key');
    expect(() => parseKindTemplate({ ...ok, blocks: [{ para: 'a' }] }, 'f', 'approval')).toThrow('"blocks"[0] has an unknown key "para"');
    expect(() => parseKindTemplate({ ...ok, title: ' ' }, 'f', 'approval')).toThrow('"title" must be a non-empty string');
    expect(() => parseKindTemplate({ ...ok, blocks: [] }, 'f', 'approval')).toThrow('"blocks" must be a non-empty array');
  });
});

describe('parseCommonTemplate', () => {
  const ok = { letterhead: ['H'], address: ['{{recipient.name}}'], references: [['Č. j.:', '{{letter.referenceNumber}}']], closing: 'S pozdravem', signature: ['vedoucí'] };

  it('reads it', () => {
    expect(parseCommonTemplate(ok, 'common.cs.json')).toEqual(ok);
  });

  it('allows only the placeholders every letter has', () => {
    expect(() => parseCommonTemplate({ ...ok, closing: '{{decision.body}}' }, 'common.cs.json')).toThrow(/common\.cs\.json: "closing" uses the unknown placeholder \{\{decision\.body\}\}/);
  });

  it('wants references as [label, value] pairs', () => {
    expect(() => parseCommonTemplate({ ...ok, references: [['Č. j.:']] }, 'f')).toThrow('"references"[0] must be a [label, value] pair');
  });
});
