// 送审前检查 (shared, pure): the errors left in a report, grouped into the kinds the pre-submission dialog lists
// before a Word file is written. One table maps rule ids to kinds; an error of any other rule is 其他错误.
import type { Finding } from '../check/types';

export type PresubmitKindId = 'placeholder' | 'hint' | 'part' | 'meta' | 'other';

export interface PresubmitKind {
  id: PresubmitKindId;
  label: string;
  /** The checker rules whose errors belong to this kind (empty for 其他错误, which takes the rest). */
  rules: readonly string[];
}

/**
 * The kinds, in the order the dialog lists them. `template.hint` (a writing hint left in the body) and the `meta.*`
 * rules (成文日期, 署名, 主送机关 not filled in) are the ids the checker work is adding; a rule id that does not exist
 * simply never matches.
 */
export const PRESUBMIT_KINDS: readonly PresubmitKind[] = [
  { id: 'placeholder', label: '未填写的占位符', rules: ['fig.placeholder'] },
  { id: 'hint', label: '模板写作提示未删除', rules: ['template.hint'] },
  { id: 'part', label: '缺少的法定部分', rules: ['struct.part-missing', 'struct.part-empty', 'struct.leadership'] },
  { id: 'meta', label: '缺少成文日期/署名/主送机关', rules: ['meta.date-missing', 'meta.signature-missing', 'meta.addressee-missing'] },
  { id: 'other', label: '其他错误', rules: [] },
];

export interface PresubmitGroup {
  kind: PresubmitKind;
  count: number;
  /** The first place of this kind in document order (findings come from the checker in that order). */
  first: Finding;
}

const KIND_OF_RULE = new Map(PRESUBMIT_KINDS.flatMap((k) => k.rules.map((r) => [r, k] as const)));
const OTHER = PRESUBMIT_KINDS.find((k) => k.id === 'other')!;

/** The errors among `findings` by kind, in the table's order, leaving out kinds with none. Empty: nothing to ask. */
export function groupPresubmitErrors(findings: readonly Finding[]): PresubmitGroup[] {
  const groups = new Map<PresubmitKindId, PresubmitGroup>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const kind = KIND_OF_RULE.get(f.rule) ?? OTHER;
    const g = groups.get(kind.id);
    if (g) g.count++;
    else groups.set(kind.id, { kind, count: 1, first: f });
  }
  return PRESUBMIT_KINDS.flatMap((k) => {
    const g = groups.get(k.id);
    return g ? [g] : [];
  });
}
