// Types of the compliance checker (shared, pure): findings, rules and the read-only view of a document rules see.
import type { Block, MandatedPartId, ReportDocument, RuleSettings, Severity } from '../model/schema';

export type { Severity };

export const CATEGORIES = ['structure', 'enumeration', 'repetition', 'punctuation', 'numbers', 'figures', 'safety', 'formulation', 'dates'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Chinese names of the categories, for reports and the editor's side panel. */
export const CATEGORY_LABELS: Record<Category, string> = {
  structure: '结构',
  enumeration: '分项列举',
  repetition: '重复字词',
  punctuation: '标点符号',
  numbers: '数字用法',
  figures: '数据与占位',
  safety: '公开发布安全',
  formulation: '规范表述',
  dates: '日期',
};

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '提醒', info: '提示' };

/**
 * One thing the checker found. `path` locates the text: `[i]` is doc.body[i] (a heading or paragraph),
 * `[i, r, c]` a table cell, `[]` the document as a whole (a missing part, the title in meta). `start`/`end`
 * are UTF-16 offsets into that text and `text` is exactly the text between them; `fix`, when present, replaces
 * it (`''` deletes). With `onTitle` the offsets are into meta.title. A document-wide finding (`[]` without
 * `onTitle`) has 0/0 and a `text` that names what it is about (the part id, the indicator's label), so that it
 * can be ignored like any other. Findings returned by a checker are shared with its cache: treat them as read-only.
 */
export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  message: string;
  path: number[];
  start: number;
  end: number;
  text: string;
  fix?: string;
  /** The finding is about meta.title rather than the body (path is then []). */
  onTitle?: boolean;
}

/** What a rule returns: the engine adds rule id, category and the (possibly re-graded) severity. */
export interface RawFinding {
  path: number[];
  start: number;
  end: number;
  text: string;
  message: string;
  fix?: string;
  /** Overrides the rule's default severity for this one finding (e.g. an info-level variant). */
  severity?: Severity;
  onTitle?: boolean;
  /** Overrides the rule id (a rule family may report under several ids). */
  rule?: string;
}

/** A unit of text rules look at: a heading, a paragraph or a table cell. */
export interface TextUnit {
  path: number[];
  /** Index of the block in doc.body. */
  index: number;
  kind: 'heading' | 'paragraph' | 'cell';
  level?: 1 | 2 | 3 | 4;
  /** A run-in heading (`（一）标题。正文…` printed as one paragraph). */
  runIn?: boolean;
  /**
   * The text rules judge. Template hint leaves are masked (each of their characters is U+FFFC), so no rule takes
   * a hint for content; offsets stay those of the real text.
   */
  text: string;
  /** The template hint leaves of this text, as ranges of it with their real text. */
  hints?: Array<{ start: number; end: number; text: string }>;
}

/** Settings a block-local rule may depend on; a change of any of them invalidates the per-block cache. */
export interface BlockSettings {
  year: number;
  organ: string;
  formulations: RuleSettings['formulations'];
}

export interface RuleMeta {
  id: string;
  category: Category;
  severity: Severity;
  /** One line in Chinese saying what the rule checks (rule lists, template editor). */
  title: string;
}

/** A rule that looks at one text unit at a time; its results are cached per block. */
export interface BlockRule extends RuleMeta {
  scope: 'block';
  /** The engine also runs block rules on meta.title as a level-1 heading; `false` keeps this one off the title. */
  appliesToTitle?: false;
  /** The rule reports template hints themselves; the findings of other rules inside a hint are dropped. */
  judgesHints?: true;
  check(unit: TextUnit, settings: BlockSettings): RawFinding[];
}

/** A rule that needs the whole document (structure, figures, consistency). Must be cheap: use view.memo. */
export interface DocumentRule extends RuleMeta {
  scope: 'document';
  check(doc: ReportDocument, view: DocumentView): RawFinding[];
}

export type Rule = BlockRule | DocumentRule;

/** Read-only helpers the engine gives document rules. */
export interface DocumentView {
  /** Text units of the body in order. */
  units: readonly TextUnit[];
  /** Text units of one body block. */
  unitsOf(index: number): readonly TextUnit[];
  /** Memoises `fn(block)` per block object (and its text) under `key`, so unchanged blocks cost nothing. */
  memo<T>(index: number, key: string, fn: (units: readonly TextUnit[], block: Block) => T): T;
  /** The heading markers as an imported source wrote them (absent for documents not just imported). */
  writtenMarkers?: readonly WrittenMarkerInfo[];
}

/** A heading marker as the source document wrote it (kept by the importer; the body itself derives its numbers). */
export interface WrittenMarkerInfo {
  path: number[];
  /** The heading level the marker gave (1: 一、 2: （一） 3: 1. 4: （1）). */
  level: 1 | 2 | 3 | 4;
  written: string;
  /** The number written in it. */
  number: number;
  /** What the structure numbers it now. */
  derived: string;
  malformed?: string;
}

export interface CheckResult {
  /** Active findings in document order (title first, then body; document-wide findings last). */
  findings: Finding[];
  /** Mandated parts present whose content is only template text (hints and placeholders): shown as 未填写. */
  unfilledParts: MandatedPartId[];
  /** Findings the user chose to ignore in this document. */
  ignored: Finding[];
}
