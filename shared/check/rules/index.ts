// Every rule of the checker, in the order rule lists show them (shared, pure).
import type { Rule } from '../types';
import { PUNCTUATION_RULES } from './punctuation';
import { ENUMERATION_RULES } from './enumeration';
import { REPETITION_RULES } from './repetition';
import { NUMBER_RULES } from './numbers';
import { FIGURE_DOCUMENT_RULES, FIGURE_RULES } from './figures';
import { SAFETY_RULES } from './safety';
import { FORMULATION_DOCUMENT_RULES, FORMULATION_RULES } from './formulations';
import { DATE_RULES } from './dates';
import { confusableWords } from './confusables';
import { leaderNames } from './leaders';
import { headingWording } from './headings';
import { STRUCTURE_BLOCK_RULES, STRUCTURE_DOCUMENT_RULES } from './structure';

export const ALL_RULES: readonly Rule[] = [
  ...STRUCTURE_DOCUMENT_RULES,
  ...STRUCTURE_BLOCK_RULES,
  ...ENUMERATION_RULES,
  ...REPETITION_RULES,
  ...PUNCTUATION_RULES,
  ...NUMBER_RULES,
  ...FIGURE_RULES,
  ...FIGURE_DOCUMENT_RULES,
  ...SAFETY_RULES,
  ...FORMULATION_RULES,
  confusableWords,
  leaderNames,
  headingWording,
  ...FORMULATION_DOCUMENT_RULES,
  ...DATE_RULES,
];

/** Finding ids reported under a rule family besides the rules' own ids (for rule lists and template settings). */
export const SUB_RULES: ReadonlyArray<{ id: string; parent: string; title: string }> = [
  { id: 'punct.nested-title', parent: 'punct.unbalanced', title: '书名号内的书名号改用〈〉' },
];

/** Every id a template can switch off or re-grade, with its category, default severity and Chinese title. */
export function ruleCatalog(): Array<{ id: string; category: Rule['category']; severity: Rule['severity']; title: string }> {
  const out = ALL_RULES.map((r) => ({ id: r.id, category: r.category, severity: r.severity, title: r.title }));
  for (const sub of SUB_RULES) {
    const parent = ALL_RULES.find((r) => r.id === sub.parent)!;
    out.push({ id: sub.id, category: parent.category, severity: 'warning', title: sub.title });
  }
  return out;
}
