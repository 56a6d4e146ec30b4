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
  ...FORMULATION_DOCUMENT_RULES,
  ...DATE_RULES,
];
