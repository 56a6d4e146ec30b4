// The checker's engine (shared, pure): runs the rules over a document, caches block-local results per block object,
// applies the template's rule settings and the document's ignores, and applies fixes.
import type { Block, IgnoredFinding, ReportDocument, Severity, TextLeaf } from '../model/schema';
import { blockText, leavesText } from '../model/schema';
import { ALL_RULES } from './rules';
import { unfilledParts } from './rules/sections';
import type { BlockRule, BlockSettings, CheckResult, DocumentRule, DocumentView, Finding, RawFinding, Rule, TextUnit, WrittenMarkerInfo } from './types';

/** The text of leaves as rules see it: hint leaves masked (U+FFFC per character), with their ranges. */
function unitText(leaves: readonly TextLeaf[]): Pick<TextUnit, 'text' | 'hints'> {
  if (!leaves.some((l) => l.hint)) return { text: leavesText(leaves) };
  let text = '';
  const hints: NonNullable<TextUnit['hints']> = [];
  for (const l of leaves) {
    if (l.hint && l.text.length > 0) {
      hints.push({ start: text.length, end: text.length + l.text.length, text: l.text });
      text += '\ufffc'.repeat(l.text.length);
    } else {
      text += l.text;
    }
  }
  return hints.length > 0 ? { text, hints } : { text };
}

/** The text units of one body block: itself, or each cell of a table. */
function unitsOfBlock(block: Block, index: number): TextUnit[] {
  if (block.type === 'table') {
    const out: TextUnit[] = [];
    block.children.forEach((row, r) => row.children.forEach((cell, c) => {
      out.push({ path: [index, r, c], index, kind: 'cell', ...unitText(cell.children) });
    }));
    return out;
  }
  const unit: TextUnit = { path: [index], index, kind: block.type, ...unitText(block.children) };
  if (block.type === 'heading') {
    unit.level = block.level;
    if (block.runIn) unit.runIn = true;
  }
  return [unit];
}

interface BlockEntry {
  text: string;
  index: number;
  units: TextUnit[];
}

/** Block-local findings of one block; `index` is the body index their paths were made for (a moved block is re-pathed). */
interface CachedFindings { settingsKey: string; text: string; index: number; findings: Finding[] }

function settingsKeyOf(doc: ReportDocument): string {
  return `${doc.meta.year}\u0001${doc.meta.organ}\u0001${JSON.stringify(doc.rules.formulations)}`;
}

export interface CheckOptions {
  /** The heading markers as an imported source wrote them (from the importer): malformed or out-of-sequence ones are reported. */
  writtenMarkers?: readonly WrittenMarkerInfo[];
}

export interface Checker {
  check(doc: ReportDocument, options?: CheckOptions): CheckResult;
  /** The rules this checker runs (for rule lists and the template editor). */
  readonly rules: readonly Rule[];
}

export interface CheckerOptions {
  /**
   * Keep per-block results for the next check (default true: the editor re-checks after every edit). A one-shot
   * check of a whole file (the CLI) passes false: nothing is kept, which halves the time and memory of a huge file.
   */
  cache?: boolean;
}

/**
 * A checker with a per-block cache: re-checking after an edit re-runs the block-local rules only on the blocks
 * whose object (or text) changed; document-wide rules re-run but read per-block facts through `view.memo`.
 */
export function createChecker(rules: readonly Rule[] = ALL_RULES, { cache = true }: CheckerOptions = {}): Checker {
  const blockRules = rules.filter((r): r is BlockRule => r.scope === 'block');
  const docRules = rules.filter((r): r is DocumentRule => r.scope === 'document');
  const byId = new Map(rules.map((r) => [r.id, r]));
  let blockCache = new WeakMap<Block, CachedFindings>();
  let memoCache = new WeakMap<Block, Map<string, { text: string; value: unknown }>>();
  const unitCache = new WeakMap<Block, BlockEntry>();
  let lastFormulations: unknown = undefined;
  let lastSettingsKey = '';
  let lastYear = NaN;
  let lastOrgan = '';
  let titleCache: { title: string; settingsKey: string; findings: Finding[] } | undefined;

  function entryOf(block: Block, index: number): BlockEntry {
    const cached = unitCache.get(block);
    // Blocks are immutable in the editor; the text comparison guards against one changed in place anyway.
    if (cached && cached.index === index && (block.type === 'table' || cached.text === leavesText(block.children))) return cached;
    const units = unitsOfBlock(block, index);
    const entry: BlockEntry = { text: blockText(block), index, units };
    if (cache) unitCache.set(block, entry);
    return entry;
  }

  function check(doc: ReportDocument, options: CheckOptions = {}): CheckResult {
    // The settings key is recomputed only when the settings objects change (JSON of the formulations is not free).
    if (doc.rules.formulations !== lastFormulations || doc.meta.year !== lastYear || doc.meta.organ !== lastOrgan) {
      const key = settingsKeyOf(doc);
      if (key !== lastSettingsKey) {
        blockCache = new WeakMap();
        memoCache = new WeakMap();
        lastSettingsKey = key;
      }
      lastFormulations = doc.rules.formulations;
      lastYear = doc.meta.year;
      lastOrgan = doc.meta.organ;
    }
    const settings: BlockSettings = { year: doc.meta.year, organ: doc.meta.organ, formulations: doc.rules.formulations };
    const disabled = new Set(doc.rules.disabled);
    const entries = doc.body.map((block, i) => entryOf(block, i));
    const raw: Finding[] = [];

    // Block-local rules, cached per block object.
    doc.body.forEach((block, i) => {
      const entry = entries[i]!;
      let cached = blockCache.get(block);
      if (!cached || cached.settingsKey !== lastSettingsKey || cached.text !== entry.text) {
        const found: Finding[] = [];
        for (const rule of blockRules) {
          for (const unit of entry.units) {
            for (const f of rule.check(unit, settings)) {
              // Only a rule about hints may point into one (the masked text is not the user's).
              if (unit.hints && !rule.judgesHints && unit.hints.some((h) => f.start < h.end && f.end > h.start)) continue;
              found.push(toFinding(rule, f));
            }
          }
        }
        cached = { settingsKey: lastSettingsKey, text: entry.text, index: i, findings: found };
        if (cache) blockCache.set(block, cached);
      } else if (cached.index !== i) {
        cached.findings = cached.findings.map((f) => ({ ...f, path: [i, ...f.path.slice(1)] }));
        cached.index = i;
      }
      for (const f of cached.findings) raw.push(f);
    });

    // The title (meta.title) goes through the same text rules as a heading: punctuation, repetition, wording.
    const title = doc.meta.title;
    if (!titleCache || titleCache.title !== title || titleCache.settingsKey !== lastSettingsKey) {
      const unit: TextUnit = { path: [], index: -1, kind: 'heading', level: 1, text: title };
      const found: Finding[] = [];
      if (title.trim().length > 0) {
        for (const rule of blockRules) {
          if (rule.appliesToTitle === false) continue;
          for (const f of rule.check(unit, settings)) found.push({ ...toFinding(rule, f), onTitle: true });
        }
      }
      titleCache = { title, settingsKey: lastSettingsKey, findings: found };
    }
    for (const f of titleCache.findings) raw.push(f);

    // Document-wide rules.
    const units = entries.flatMap((e) => e.units);
    const view: DocumentView = {
      ...(options.writtenMarkers ? { writtenMarkers: options.writtenMarkers } : {}),
      units,
      unitsOf: (index) => entries[index]?.units ?? [],
      memo<T>(index: number, key: string, fn: (u: readonly TextUnit[], b: Block) => T): T {
        const block = doc.body[index]!;
        const entry = entries[index]!;
        if (!cache) return fn(entry.units, block);
        let map = memoCache.get(block);
        if (!map) { map = new Map(); memoCache.set(block, map); }
        const hit = map.get(key);
        if (hit && hit.text === entry.text) return hit.value as T;
        const value = fn(entry.units, block);
        map.set(key, { text: entry.text, value });
        return value;
      },
    };
    for (const rule of docRules) {
      if (disabled.has(rule.id)) continue;
      for (const f of rule.check(doc, view)) raw.push(toFinding(rule, f));
    }

    // Template settings: switched-off rules and re-graded severities (a finding may carry a sub-rule id).
    const findings: Finding[] = [];
    const ignored: Finding[] = [];
    for (const f of raw) {
      if (disabled.has(f.rule)) continue;
      const graded = doc.rules.severity[f.rule];
      // Cached findings are shared between checks: re-grade a copy.
      const g = graded && graded !== f.severity ? { ...f, severity: graded } : f;
      (isIgnored(doc, g) ? ignored : findings).push(g);
    }
    findings.sort(compareFindings);
    ignored.sort(compareFindings);
    return { findings, ignored, unfilledParts: unfilledParts(doc) };
  }

  function toFinding(rule: Rule, f: RawFinding): Finding {
    const id = f.rule ?? rule.id;
    const sub = id === rule.id ? rule : byId.get(id) ?? rule;
    const out: Finding = {
      rule: id,
      category: sub.category,
      severity: f.severity ?? sub.severity,
      message: f.message,
      path: f.path,
      start: f.start,
      end: f.end,
      text: f.text,
    };
    if (f.fix !== undefined) out.fix = f.fix;
    if (f.onTitle) out.onTitle = true;
    return out;
  }

  return { check, rules };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Document order: title findings, then document-wide ones, then the body; within a text by position. */
export function compareFindings(a: Finding, b: Finding): number {
  const ta = a.onTitle ? 0 : a.path.length === 0 ? 1 : 2;
  const tb = b.onTitle ? 0 : b.path.length === 0 ? 1 : 2;
  if (ta !== tb) return ta - tb;
  if (ta === 1 && a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  const n = Math.min(a.path.length, b.path.length);
  for (let i = 0; i < n; i++) if (a.path[i] !== b.path[i]) return a.path[i]! - b.path[i]!;
  if (a.path.length !== b.path.length) return a.path.length - b.path.length;
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

let oneShot: Checker | undefined;
/** Checks a document once (a shared checker: unchanged block objects are still served from its cache). */
export function checkDocument(doc: ReportDocument, options?: CheckOptions): CheckResult {
  oneShot ??= createChecker();
  return oneShot.check(doc, options);
}

// ---------------------------------------------------------------------------------------------------------------
// Locating text, ignores and fixes.

/** The text a finding's path points at, or undefined when the path does not exist (any more). */
export function textAtPath(doc: ReportDocument, path: readonly number[], onTitle = false): string | undefined {
  if (path.length === 0) return onTitle ? doc.meta.title : '';
  const block = doc.body[path[0]!];
  if (!block) return undefined;
  if (path.length === 1) return block.type === 'table' ? undefined : leavesText(block.children);
  if (block.type !== 'table' || path.length !== 3) return undefined;
  const cell = block.children[path[1]!]?.children[path[2]!];
  return cell ? leavesText(cell.children) : undefined;
}

const CONTEXT_CHARS = 10;

/**
 * What identifies a finding for "ignore in this document": the characters either side of the match, so the
 * ignore survives edits elsewhere and moving the paragraph, and lapses when the sentence around it changes.
 */
export function ignoreContext(doc: ReportDocument, finding: Pick<Finding, 'path' | 'start' | 'end' | 'onTitle'>): string {
  const text = textAtPath(doc, finding.path, finding.onTitle) ?? '';
  return `${text.slice(Math.max(0, finding.start - CONTEXT_CHARS), finding.start)}\u2026${text.slice(finding.end, finding.end + CONTEXT_CHARS)}`;
}

/** The ignore entry that waves this finding through (reason, who, when), or undefined. */
export function ignoreEntryOf(doc: ReportDocument, finding: Finding): IgnoredFinding | undefined {
  if (doc.ignores.length === 0) return undefined;
  let context: string | undefined;
  for (const ig of doc.ignores) {
    if (ig.rule !== finding.rule || ig.text !== finding.text) continue;
    context ??= ignoreContext(doc, finding);
    if (ig.context === context) return ig;
  }
  return undefined;
}

export function isIgnored(doc: ReportDocument, finding: Finding): boolean {
  return ignoreEntryOf(doc, finding) !== undefined;
}

/** A copy of the document that ignores this finding, with the user's reason and (when the settings name one) who. */
export function ignoreFinding(doc: ReportDocument, finding: Finding, reason: string, now: Date = new Date(), by = ''): ReportDocument {
  if (isIgnored(doc, finding)) return doc;
  const entry: IgnoredFinding = { rule: finding.rule, text: finding.text, context: ignoreContext(doc, finding), reason, createdAt: now.toISOString() };
  if (by.trim()) entry.by = by.trim();
  return { ...doc, ignores: [...doc.ignores, entry] };
}

/** A copy of the document in which this (ignored) finding counts again. */
export function unignoreFinding(doc: ReportDocument, finding: Finding): ReportDocument {
  const context = ignoreContext(doc, finding);
  const ignores = doc.ignores.filter((ig) => !(ig.rule === finding.rule && ig.text === finding.text && ig.context === context));
  return ignores.length === doc.ignores.length ? doc : { ...doc, ignores };
}

export interface FixOutcome {
  doc: ReportDocument;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Findings not applied: no fix, stale (the text changed), or overlapping an applied fix (re-check and repeat). */
  skipped: Finding[];
  /** How many places of the text changed (a stretch of adjacent changed characters is one place). */
  places: number;
}

/** Replaces [start, end) of a leaf list, keeping leaf boundaries and marks (a leaf emptied by the edit is dropped). */
function spliceLeaves<L extends { text: string }>(leaves: readonly L[], start: number, end: number, insert: string): L[] {
  const out: L[] = [];
  let pos = 0;
  let inserted = false;
  leaves.forEach((leaf, k) => {
    const a = pos;
    const len = leaf.text.length;
    pos += len;
    const before = leaf.text.slice(0, Math.max(0, Math.min(len, start - a)));
    const after = leaf.text.slice(Math.max(0, Math.min(len, end - a)));
    const holdsStart = !inserted && a <= start && (start < a + len || k === leaves.length - 1);
    if (holdsStart) inserted = true;
    const text = before + (holdsStart ? insert : '') + after;
    if (text === leaf.text) out.push(leaf);
    else if (text.length > 0) out.push({ ...leaf, text });
  });
  if (out.length === 0) out.push({ ...(leaves[0] ?? ({} as L)), text: '' });
  return out;
}

function replaceAt(doc: ReportDocument, f: Finding, fix: string): ReportDocument | undefined {
  if (f.path.length === 0) {
    if (!f.onTitle) return undefined;
    const title = doc.meta.title.slice(0, f.start) + fix + doc.meta.title.slice(f.end);
    return { ...doc, meta: { ...doc.meta, title } };
  }
  const i = f.path[0]!;
  const block = doc.body[i];
  if (!block) return undefined;
  const body = doc.body.slice();
  if (f.path.length === 1 && block.type !== 'table') {
    body[i] = { ...block, children: spliceLeaves(block.children, f.start, f.end, fix) } as Block;
  } else if (f.path.length === 3 && block.type === 'table') {
    const [, r, c] = f.path as [number, number, number];
    const row = block.children[r];
    const cell = row?.children[c];
    if (!row || !cell) return undefined;
    const cells = row.children.slice();
    cells[c] = { ...cell, children: spliceLeaves(cell.children, f.start, f.end, fix) };
    const rows = block.children.slice();
    rows[r] = { ...row, children: cells };
    body[i] = { ...block, children: rows };
  } else {
    return undefined;
  }
  return { ...doc, body };
}

/** Applies one finding's fix; returns the document unchanged when it has none or its text no longer matches. */
export function applyFix(doc: ReportDocument, finding: Finding): ReportDocument {
  return applyFixes(doc, [finding]).doc;
}

/** One place a fix changes: [start, end) of the text at `path` (the title when `onTitle`), now `expected`, becomes `insert`. */
export interface PlannedEdit {
  finding: Finding;
  path: number[];
  onTitle: boolean;
  start: number;
  end: number;
  expected: string;
  insert: string;
}

/** The places a set of fixes changes, in the order they apply (each text from its end backwards). */
export interface FixPlan {
  edits: PlannedEdit[];
  /** The places of the text these edits change: edits that touch (one ends where the next starts) are one place. */
  places: number;
  /** Findings with at least one planned edit. */
  applied: Finding[];
  skipped: Finding[];
}

/**
 * The edits of a finding's fix. A fix as long as its text (the half-width conversion of a paragraph) is split into
 * its changed characters, so that it composes with other fixes inside its range.
 */
function editsOf(f: Finding): PlannedEdit[] {
  const fix = f.fix!;
  const base = { finding: f, path: f.path, onTitle: f.onTitle === true };
  if (fix.length === f.text.length && fix.length > 1) {
    const out: PlannedEdit[] = [];
    for (let i = 0; i < fix.length; i++) {
      if (fix[i] !== f.text[i]) out.push({ ...base, start: f.start + i, end: f.start + i + 1, expected: f.text[i]!, insert: fix[i]! });
    }
    return out;
  }
  return [{ ...base, start: f.start, end: f.end, expected: f.text, insert: fix }];
}

const keyOf = (e: PlannedEdit) => `${e.onTitle ? 't' : 'b'}:${e.path.join(',')}`;

/**
 * The places that applying these fixes changes: what the bulk-fix button counts and what both the editor and
 * `applyFixes` then apply. Where fixes overlap the wider one wins (a doubled ",," becomes one "，" rather than "，，");
 * a fix whose text no longer matches is skipped; so is one wholly overridden by another.
 */
export function planFixes(doc: ReportDocument, findings: readonly Finding[]): FixPlan {
  const skipped: Finding[] = [];
  const candidates: PlannedEdit[] = [];
  for (const f of findings) {
    if (f.fix === undefined) { skipped.push(f); continue; }
    const text = textAtPath(doc, f.path, f.onTitle);
    if (text === undefined || text.slice(f.start, f.end) !== f.text || (f.path.length === 0 && !f.onTitle)) { skipped.push(f); continue; }
    candidates.push(...editsOf(f));
  }
  // Per text: by end descending, the wider edit first; an edit reaching past the last kept start is dropped.
  const keyed = candidates.map((e) => ({ e, key: keyOf(e) }));
  keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0) || y.e.end - x.e.end || (y.e.end - y.e.start) - (x.e.end - x.e.start));
  const edits: PlannedEdit[] = [];
  const applied = new Set<Finding>();
  let lastKey = '';
  let floor = Infinity;
  let places = 0;
  for (const { e, key } of keyed) {
    const sameText = key === lastKey;
    if (!sameText) { lastKey = key; floor = Infinity; }
    if (e.end > floor || (e.end === floor && e.start === e.end && e.start === floor)) continue;
    if (e.expected === e.insert) continue;
    if (!sameText || e.end !== floor) places++;
    edits.push(e);
    floor = e.start;
    applied.add(e.finding);
  }
  for (const f of findings) if (f.fix !== undefined && !applied.has(f) && !skipped.includes(f)) skipped.push(f);
  return { edits, places, applied: findings.filter((f) => applied.has(f)), skipped };
}

/** Applies many fixes at once (e.g. every half-width mark of the document): the edits of `planFixes`, in its order. */
export function applyFixes(doc: ReportDocument, findings: readonly Finding[]): FixOutcome {
  const plan = planFixes(doc, findings);
  let out = doc;
  for (const e of plan.edits) out = replaceAt(out, { ...e.finding, start: e.start, end: e.end }, e.insert) ?? out;
  return { doc: out, applied: plan.applied, skipped: plan.skipped, places: plan.places };
}

export type { Finding, CheckResult, Rule };
