// Confusable words of official writing (shared, pure): 法制/法治, 布署, 必需/必须, 其它, 作好, 既/即, 的/地, 需待,
// 截止/截至, 制订/制定 … from templates/confusables.json (and a template's entries of that family), each in its context.
import type { BlockRule } from '../types';
import { wordingFindings } from '../wording';

export const confusableWords: BlockRule = {
  id: 'form.confusable',
  category: 'formulation',
  severity: 'error',
  title: '易混淆词语（法制/法治、必需/必须、的/地、截止/截至……）',
  scope: 'block',
  check: (unit, settings) => wordingFindings('confusable', unit, settings),
};
