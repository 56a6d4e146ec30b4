// 送审前检查 (shared, pure): the errors left in a report, grouped into the kinds the pre-submission dialog lists
// before a Word file is written. One table maps rule ids to kinds; an error of any other rule is 其他错误.
import type { Finding } from '../check/types';

export type PresubmitKindId = 'placeholder' | 'hint' | 'part' | 'meta' | 'other';

export interface PresubmitKind {
  id: PresubmitKindId;
  label: string;
  /** The checker rules whose errors belong to this kind (empty for 其他错误, which takes the rest). */
  rules: readonly string[];
  /** Counts the rules' warnings too (a missing 署名 or 主送机关 is a warning, but belongs in the same row). */
  withWarnings?: boolean;
}

/** The kinds, in the order the dialog lists them. */
export const PRESUBMIT_KINDS: readonly PresubmitKind[] = [
  { id: 'placeholder', label: '未填写的占位符', rules: ['fig.placeholder'] },
  { id: 'hint', label: '模板写作提示未删除', rules: ['fig.hint'] },
  { id: 'part', label: '缺少的法定部分', rules: ['struct.part-missing', 'struct.part-empty', 'struct.leadership'] },
  { id: 'meta', label: '缺少成文日期/署名/主送机关', rules: ['struct.meta'], withWarnings: true },
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

/**
 * The errors among `findings` by kind (and the warnings of a kind that counts them), in the table's order, leaving
 * out kinds with none. Empty when no error remains: warnings alone never hold an export up.
 */
export function groupPresubmitErrors(findings: readonly Finding[]): PresubmitGroup[] {
  if (!findings.some((f) => f.severity === 'error')) return [];
  const groups = new Map<PresubmitKindId, PresubmitGroup>();
  for (const f of findings) {
    const kind = KIND_OF_RULE.get(f.rule) ?? OTHER;
    if (f.severity !== 'error' && !(f.severity === 'warning' && kind.withWarnings)) continue;
    const g = groups.get(kind.id);
    if (g) g.count++;
    else groups.set(kind.id, { kind, count: 1, first: f });
  }
  return PRESUBMIT_KINDS.flatMap((k) => {
    const g = groups.get(k.id);
    return g ? [g] : [];
  });
}
