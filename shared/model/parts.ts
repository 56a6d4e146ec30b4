// The mandated parts of the annual report (shared, pure; REFERENCE.md §2): one table of id, name, label and whether
// each kind of organ must report it. Every list of parts (outline, checker, CLI, editor) reads it from here.
import type { MandatedPartId } from './schema';

/** Who writes the report: a people's government (county, township, city), a department, or a joint 党委+政府 report. */
export type OrganKind = 'government' | 'department' | 'joint';
export const ORGAN_KINDS: readonly OrganKind[] = ['government', 'department', 'joint'];

export interface MandatedPart {
  id: MandatedPartId;
  /** The name officers know it by, as the rule words it (messages, the CLI). */
  name: string;
  /** The short label of the outline panel. */
  label: string;
  /** Whether a report by this kind of organ must contain it. */
  required: Record<OrganKind, boolean>;
  /** One of the core parts everybody checks (a missing one is an error; the leadership duty has its own rule). */
  core: boolean;
}

const ALL: Record<OrganKind, boolean> = { government: true, department: true, joint: true };
const NONE: Record<OrganKind, boolean> = { government: false, department: false, joint: false };

/** In the order of the rule. */
export const MANDATED_PARTS: readonly MandatedPart[] = [
  { id: 'achievements', name: '主要举措和成效', label: '主要举措和成效', required: ALL, core: true },
  { id: 'shortcomings', name: '存在的不足和原因', label: '存在的不足和原因', required: ALL, core: true },
  { id: 'leadership', name: '党政主要负责人履行第一责任人职责情况', label: '第一责任人履职情况', required: ALL, core: false },
  { id: 'plans', name: '下一年度主要安排', label: '下一年度主要安排', required: ALL, core: true },
  { id: 'other', name: '其他需要报告的情况', label: '其他需要报告的情况', required: NONE, core: false },
];

/** The parts a report must contain (by default, as for every kind of organ: the rule asks the same of all). */
export function requiredPartIds(kind: OrganKind = 'government'): MandatedPartId[] {
  return MANDATED_PARTS.filter((p) => p.required[kind]).map((p) => p.id);
}

/** The core parts whose absence is an error. */
export const CORE_PART_IDS: readonly MandatedPartId[] = MANDATED_PARTS.filter((p) => p.core).map((p) => p.id);

/** Names by id, for messages. */
export const PART_NAMES = Object.fromEntries(MANDATED_PARTS.map((p) => [p.id, p.name])) as Record<MandatedPartId, string>;
/** Outline labels by id. */
export const PART_LABELS = Object.fromEntries(MANDATED_PARTS.map((p) => [p.id, p.label])) as Record<MandatedPartId, string>;
