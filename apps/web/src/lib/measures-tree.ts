import type { components } from '../api/schema.gen';

/** The city's integration policy as `GET /policy/measures` answers it (flat lists). */
export type PolicyCatalogue = components['schemas']['PolicyCatalogueResponse'];

/**
 * The language of the policy's texts as the API serves them (the city's English
 * version of the policy), so pages mark them with `lang` for screen readers.
 */
export const POLICY_TEXT_LANGUAGE = 'en';

export interface MeasureNode {
  /** `21.III`: sub-aim number and the measure's roman numeral. */
  code: string;
  text: string;
  guarantor: string;
}

export interface SubAimNode {
  number: number;
  text: string;
  measures: MeasureNode[];
}

export interface SubAreaNode {
  /** Priority number and letter, `3A`, as the policy writes it. */
  code: string;
  letter: string;
  name: string;
  subAims: SubAimNode[];
}

export interface PriorityNode {
  number: number;
  name: string;
  subAreas: SubAreaNode[];
}

/**
 * Priorities → sub-areas → sub-aims → measures, in the policy's order. The catalogue
 * links a sub-aim to its sub-area only through its measures, so a sub-aim sits under
 * the sub-area of its measures. With `only`, just those measures and the branches
 * leading to them are kept (e.g. the measures a call supports).
 */
export function buildPolicyTree(catalogue: PolicyCatalogue, only?: ReadonlySet<string>): PriorityNode[] {
  const subAimText = new Map(catalogue.subAims.map((s) => [s.number, s.text]));
  const tree: PriorityNode[] = catalogue.priorities.map((p) => ({
    number: p.number,
    name: p.name,
    subAreas: p.subAreas.map((a) => ({ code: `${p.number}${a.letter}`, letter: a.letter, name: a.name, subAims: [] })),
  }));
  const subAreaOf = new Map<string, SubAreaNode>();
  for (const priority of tree) for (const area of priority.subAreas) subAreaOf.set(area.code, area);

  for (const m of catalogue.measures) {
    if (only && !only.has(m.code)) continue;
    const area = subAreaOf.get(`${m.priority}${m.subArea}`);
    if (!area) continue;
    let aim = area.subAims.find((s) => s.number === m.subAim);
    if (!aim) {
      aim = { number: m.subAim, text: subAimText.get(m.subAim) ?? '', measures: [] };
      area.subAims.push(aim);
    }
    aim.measures.push({ code: m.code, text: m.text, guarantor: m.guarantor });
  }
  for (const area of subAreaOf.values()) area.subAims.sort((a, b) => a.number - b.number);
  return only ? prune(tree) : tree;
}

function prune(tree: PriorityNode[]): PriorityNode[] {
  return tree
    .map((p) => ({ ...p, subAreas: p.subAreas.filter((a) => a.subAims.length > 0) }))
    .filter((p) => p.subAreas.length > 0);
}

/** Lower case without diacritics, so "vzdělávání" is found by "vzdelavani" and "Czech" by "czech". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const MEASURE_CODE = /^(\d{1,2})\.([ivx]*)$/;
const SUB_AREA_CODE = /^(\d)([a-z])$/;

/** Does one folded search word pick this measure? Codes match exactly, words anywhere in the branch's texts. */
function wordMatches(word: string, measure: MeasureNode, aim: SubAimNode, area: SubAreaNode, haystack: string): boolean {
  const code = MEASURE_CODE.exec(word);
  if (code) {
    // "21.III" is that measure; "21." every measure of sub-aim 21.
    return code[2] === '' ? aim.number === Number(code[1]) : foldText(measure.code) === word;
  }
  if (/^\d{1,2}$/.test(word) && aim.number === Number(word)) return true;
  if (SUB_AREA_CODE.test(word) && foldText(area.code) === word) return true;
  return haystack.includes(word);
}

/**
 * The branches with a measure matching every word of the query (by code: `21.III`,
 * `21.` or `21` for a sub-aim, `4A` for a sub-area; by words in the measure, its
 * guarantor, sub-aim, sub-area or priority), and how many measures matched.
 */
export function filterPolicyTree(tree: readonly PriorityNode[], query: string): { tree: PriorityNode[]; matches: number } {
  const words = foldText(query).split(/[\s,;]+/).filter(Boolean);
  let matches = 0;
  const filtered: PriorityNode[] = [];
  for (const priority of tree) {
    const subAreas: SubAreaNode[] = [];
    for (const area of priority.subAreas) {
      const subAims: SubAimNode[] = [];
      for (const aim of area.subAims) {
        const context = foldText(`${priority.name} ${area.name} ${aim.text}`);
        const measures = aim.measures.filter((m) => {
          const haystack = `${foldText(`${m.code} ${m.text} ${m.guarantor}`)} ${context}`;
          return words.every((w) => wordMatches(w, m, aim, area, haystack));
        });
        if (measures.length) subAims.push({ ...aim, measures });
        matches += measures.length;
      }
      if (subAims.length) subAreas.push({ ...area, subAims });
    }
    if (subAreas.length) filtered.push({ ...priority, subAreas });
  }
  return { tree: filtered, matches };
}

/** Every measure of the tree, in order. */
export function measuresOf(tree: readonly PriorityNode[]): MeasureNode[] {
  return tree.flatMap((p) => p.subAreas.flatMap((a) => a.subAims.flatMap((s) => s.measures)));
}

/** A measure's text by its code, for lists that name measures by code only (a call's eligible measures). */
export function measureTexts(catalogue: PolicyCatalogue): Map<string, string> {
  return new Map(catalogue.measures.map((m) => [m.code, m.text]));
}
