// How the findings panel orders and groups the checker's findings (shared, pure): by part and sub-part (with the
// heading numbers the structure gives them), then by category in a fixed order; identical findings of one paragraph
// collapse into one row, and the placeholders of one sub-part into one compact row.
import type { Block } from '../model/schema';
import { blockText } from '../model/schema';
import { sequenceMarkers } from '../model/numbering';
import { CATEGORY_LABELS, type Category, type Finding } from './types';

/** Rules whose findings of one sub-part are listed in one compact row (each a placeholder to fill). */
const COMPACT_RULES: ReadonlySet<string> = new Set(['fig.placeholder', 'fig.hint']);

/** The category order of the panel: fixed, so that fixing never reorders the groups. */
const CATEGORY_ORDER = Object.keys(CATEGORY_LABELS) as Category[];

/**
 * One row of the panel. `single`: one finding, or several identical ones in one paragraph (the same rule, message
 * and text: “重复字词” thrice in a sentence is one row “×3”). `compact`: every finding of a compact rule in a sub-part.
 * The key is stable while the user fixes (no offsets in it), so a fixed row leaves and the others stay put.
 */
export interface FindingRow {
  key: string;
  kind: 'single' | 'compact';
  findings: Finding[];
}

export interface CategoryGroup {
  category: Category;
  rows: FindingRow[];
  /** Findings in the group (a collapsed row counts each). */
  count: number;
}

/** A part (level 1) or sub-part (level 2) of the report, or the title / the whole document / before the parts (0). */
export interface FindingSection {
  key: string;
  level: 0 | 1 | 2;
  /** The numbered heading, e.g. “一、2025年推进法治政府建设的主要举措和成效” or “（二）加强执法监督”. */
  label: string;
  /** Body index of the heading (-1 for level 0): the panel jumps there. */
  index: number;
  categories: CategoryGroup[];
  /** Findings of the section itself. */
  count: number;
  /** With those of its sub-parts (what the section's header shows). */
  total: number;
  /** A sub-part's part. */
  parent?: string;
}

export interface SectionLabels {
  title: string;
  wholeDocument: string;
  beforeParts: string;
}

/** The section of each body block: the key of the level-2 heading above it within its part, else of the part. */
function sectionsOfBody(body: readonly Block[], labels: SectionLabels): { of: string[]; sections: Map<string, FindingSection> } {
  const markers = sequenceMarkers(body);
  const sections = new Map<string, FindingSection>();
  const make = (key: string, level: FindingSection['level'], label: string, index: number, parent?: string) =>
    sections.set(key, { key, level, label, index, categories: [], count: 0, total: 0, ...(parent ? { parent } : {}) });
  make('title', 0, labels.title, -1);
  make('doc', 0, labels.wholeDocument, -1);
  make('pre', 0, labels.beforeParts, -1);
  const of: string[] = [];
  let current = 'pre';
  let part = '';
  body.forEach((b, i) => {
    if (b.type === 'heading' && (b.level === 1 || (b.level === 2 && part !== ''))) {
      current = `s${i}`;
      if (b.level === 1) part = current;
      make(current, b.level, `${markers[i] ?? ''}${blockText(b)}`, i, b.level === 2 ? part : undefined);
    }
    of.push(current);
  });
  return { of, sections };
}

/** Groups findings (in the checker's document order) for the panel; empty sections are left out. */
export function groupFindings(findings: readonly Finding[], body: readonly Block[], labels: SectionLabels): FindingSection[] {
  const { of, sections } = sectionsOfBody(body, labels);
  const rowsBy = new Map<string, FindingRow>();
  for (const f of findings) {
    const key = f.onTitle ? 'title' : f.path.length === 0 ? 'doc' : (of[f.path[0]!] ?? 'pre');
    const section = sections.get(key)!;
    let group = section.categories.find((c) => c.category === f.category);
    if (!group) section.categories.push((group = { category: f.category, rows: [], count: 0 }));
    const compact = COMPACT_RULES.has(f.rule) && f.path.length > 0;
    const rowKey = compact
      ? `${key}|${f.rule}`
      : `${key}|${f.rule}|${f.onTitle ? 't' : f.path.join('.')}|${f.message}|${f.text}`;
    let row = rowsBy.get(rowKey);
    if (!row) {
      rowsBy.set(rowKey, (row = { key: rowKey, kind: compact ? 'compact' : 'single', findings: [] }));
      group.rows.push(row);
    }
    row.findings.push(f);
    group.count++;
    section.count++;
    section.total++;
    if (section.parent) sections.get(section.parent)!.total++;
  }
  // A compact rule with one finding in its sub-part is an ordinary row; a part is shown when a sub-part has findings.
  for (const row of rowsBy.values()) if (row.kind === 'compact' && row.findings.length === 1) row.kind = 'single';
  const out = [...sections.values()].filter((s) => s.total > 0);
  for (const s of out) s.categories.sort((a, b) => CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category));
  return out;
}
