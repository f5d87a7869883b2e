import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPolicyTree, filterPolicyTree, foldText, measureTexts, measuresOf, type PolicyCatalogue } from './measures-tree';

/** The policy as the migration loads it (the API answers the same lists). */
const policy = JSON.parse(readFileSync(join(__dirname, '../../../../migrations/data/policy-measures-2022-2027.json'), 'utf8')) as PolicyCatalogue;

const small: PolicyCatalogue = {
  priorities: [
    { number: 1, name: 'Institutions', subAreas: [{ letter: 'A', name: 'Mainstreaming' }] },
    {
      number: 4,
      name: 'Education',
      subAreas: [
        { letter: 'A', name: 'Children and pupils' },
        { letter: 'B', name: 'Adult foreigners' },
      ],
    },
  ],
  subAims: [
    { number: 1, text: 'Administrative capacity' },
    { number: 21, text: 'Czech for pupils' },
    { number: 25, text: 'Courses for adults' },
  ],
  measures: [
    { code: '1.I', priority: 1, subArea: 'A', subAim: 1, text: 'Strengthen the division', guarantor: 'NMF' },
    { code: '21.I', priority: 4, subArea: 'A', subAim: 21, text: 'Teach Czech as a second language', guarantor: 'schools' },
    { code: '21.III', priority: 4, subArea: 'A', subAim: 21, text: 'Afternoon courses in Czech', guarantor: 'ICP' },
    { code: '25.II', priority: 4, subArea: 'B', subAim: 25, text: 'Low-threshold education', guarantor: 'NGOs' },
  ],
};

describe('buildPolicyTree', () => {
  it('nests the whole policy: 5 priorities, 13 sub-areas, 34 sub-aims, 75 measures, in order', () => {
    const tree = buildPolicyTree(policy);
    expect(tree).toHaveLength(5);
    expect(tree.flatMap((p) => p.subAreas)).toHaveLength(13);
    expect(tree.flatMap((p) => p.subAreas.flatMap((a) => a.subAims))).toHaveLength(34);
    expect(measuresOf(tree).map((m) => m.code)).toEqual(policy.measures.map((m) => m.code));
  });

  it('puts each sub-aim under the sub-area of its measures, with its text', () => {
    const [, education] = buildPolicyTree(small);
    expect(education.subAreas.map((a) => a.code)).toEqual(['4A', '4B']);
    expect(education.subAreas[0].subAims).toEqual([
      {
        number: 21,
        text: 'Czech for pupils',
        measures: [
          { code: '21.I', text: 'Teach Czech as a second language', guarantor: 'schools' },
          { code: '21.III', text: 'Afternoon courses in Czech', guarantor: 'ICP' },
        ],
      },
    ]);
  });

  it('keeps only the given measures and the branches leading to them', () => {
    const tree = buildPolicyTree(small, new Set(['21.III', '25.II']));
    expect(tree.map((p) => p.number)).toEqual([4]);
    expect(measuresOf(tree).map((m) => m.code)).toEqual(['21.III', '25.II']);
  });
});

describe('filterPolicyTree', () => {
  const tree = buildPolicyTree(small);
  const codes = (query: string) => measuresOf(filterPolicyTree(tree, query).tree).map((m) => m.code);

  it('finds a measure by its exact code, in any case', () => {
    expect(codes('21.III')).toEqual(['21.III']);
    expect(codes('21.iii')).toEqual(['21.III']);
    expect(codes('1.I')).toEqual(['1.I']);
  });

  it('finds a sub-aim by its number and a sub-area by its code', () => {
    expect(codes('21.')).toEqual(['21.I', '21.III']);
    expect(codes('21')).toEqual(['21.I', '21.III']);
    expect(codes('4b')).toEqual(['25.II']);
  });

  it('finds words anywhere in the branch, every word required, ignoring case and diacritics', () => {
    expect(codes('czech')).toEqual(['21.I', '21.III']);
    expect(codes('afternoon CZECH')).toEqual(['21.III']);
    expect(codes('adult')).toEqual(['25.II']);
    expect(codes('education')).toEqual(['21.I', '21.III', '25.II']);
    expect(codes('nothing-like-this')).toEqual([]);
  });

  it('counts the matching measures and drops empty branches', () => {
    const result = filterPolicyTree(tree, 'czech');
    expect(result.matches).toBe(2);
    expect(result.tree.map((p) => p.subAreas.map((a) => a.code))).toEqual([['4A']]);
  });

  it('keeps everything for an empty query', () => {
    expect(filterPolicyTree(tree, '  ').matches).toBe(4);
  });

  it('searches the real policy', () => {
    const full = buildPolicyTree(policy);
    expect(filterPolicyTree(full, '33.II').matches).toBe(1);
    expect(filterPolicyTree(full, 'volunteer').matches).toBeGreaterThan(0);
  });
});

describe('text helpers', () => {
  it('folds case and diacritics', () => {
    expect(foldText('Vzdělávání ČEŠTINY')).toBe('vzdelavani cestiny');
  });

  it('names measures by code', () => {
    expect(measureTexts(small).get('25.II')).toBe('Low-threshold education');
  });
});
