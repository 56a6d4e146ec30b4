// Names and titles of leaders in their fixed forms (shared, pure): 习近平总书记, 以习近平同志为核心的党中央,
// 习近平新时代中国特色社会主义思想 … from the curated, versioned list templates/leaders.json (and a template's entries).
import type { BlockRule } from '../types';
import { wordingFindings } from '../wording';

export const leaderNames: BlockRule = {
  id: 'form.leader',
  category: 'formulation',
  severity: 'error',
  title: '领导人姓名、称谓和理论名称的规范表述',
  scope: 'block',
  check: (unit, settings) => wordingFindings('leader', unit, settings),
};
