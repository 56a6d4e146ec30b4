// Figures and placeholders (shared, pure): unfilled placeholders, unconfirmed figures carried from last year, the
// same indicator stated with different values, achievements sub-parts with no figure, years that contradict the
// report year, and the indicators a template requires.
import { compileUserPattern, type CompiledPattern } from '../userPattern';
import type { BlockRule, DocumentRule, RawFinding, TextUnit } from '../types';
import { at, HAN_CLASS, matches, q } from '../text';
import { partAt, partRanges, partsOf } from './sections';
import { PART_NAMES } from '../../model/parts';
import { hintPattern } from '../../model/hints';

// ----- placeholders -------------------------------------------------------------------------------------------------

const PLACEHOLDER = new RegExp([
  '[×Ｘ╳]{2,}',
  '(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])',
  '(?<![A-Za-z0-9+])[XxＸ×](?=[件个次项人份场天家条宗所名户万亿元%％])',
  '(?<![一二三四五六七八九十〇○零])[〇○]{2,}(?![一二三四五六七八九十〇○零年])',
  '[＿_]{2,}',
  '□{1,}',
  // Every 【…】 is a placeholder of a template or a draft, whatever is inside: 【不足】, 【安排一】, 【××件】.
  '【[^】\\n]{0,40}】',
  '\\{\\{[^}]*\\}\\}',
  '\\[\\s*(?:待补充|待填写|TODO|TBD)\\s*\\]',
].join('|'), 'g');

export const placeholder: BlockRule = {
  id: 'fig.placeholder',
  category: 'figures',
  severity: 'error',
  title: '未填写的占位符',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    for (const m of matches(PLACEHOLDER, unit.text)) {
      out.push(at(unit, m.index, m.index + m[0].length, `占位符${q(m[0])}尚未填写，请补充实际内容或数据。`));
    }
    return out;
  },
};

// ----- template writing hints ---------------------------------------------------------------------------------------

/** A template's writing hint left in the body: a hint leaf, or hint text typed or pasted as plain text. */
export const templateHint: BlockRule = {
  id: 'fig.hint',
  category: 'figures',
  severity: 'error',
  title: '正文中留有模板的写作提示',
  scope: 'block',
  judgesHints: true,
  check(unit) {
    const out: RawFinding[] = [];
    const message = (text: string): string => `模板的写作提示${q(text, 30)}仍留在正文中，不是报告内容。请按提示写入实际内容，并删去提示。`;
    for (const h of unit.hints ?? []) out.push({ path: unit.path, start: h.start, end: h.end, text: h.text, message: message(h.text), fix: '' });
    if (unit.text.includes('（')) {
      for (const m of matches(hintPattern(), unit.text)) out.push(at(unit, m.index, m.index + m[0].length, message(m[0]), ''));
    }
    return out;
  },
};

// ----- figures carried from last year --------------------------------------------------------------------------------

export const staleFigure: DocumentRule = {
  id: 'fig.stale',
  category: 'figures',
  severity: 'warning',
  title: '沿用上年、尚未确认的数据',
  scope: 'document',
  check(doc) {
    const out: RawFinding[] = [];
    const visit = (path: number[], leaves: ReadonlyArray<{ text: string; stale?: boolean }>): void => {
      let pos = 0;
      const text = leaves.map((l) => l.text).join('');
      for (const leaf of leaves) {
        if (leaf.stale && leaf.text.length > 0) {
          out.push({ path, start: pos, end: pos + leaf.text.length, text: text.slice(pos, pos + leaf.text.length), message: `${q(leaf.text)}沿用自上年报告，尚未确认，请核实为${doc.meta.year}年的数据。` });
        }
        pos += leaf.text.length;
      }
    };
    doc.body.forEach((block, i) => {
      if (block.type === 'table') block.children.forEach((row, r) => row.children.forEach((cell, c) => visit([i, r, c], cell.children)));
      else if (block.children.length > 1 || block.children[0]!.stale) visit([i], block.children);
    });
    return out;
  },
};

// ----- figures present ---------------------------------------------------------------------------------------------

const HAS_FIGURE = /\d|[一二三四五六七八九十百千万两]+(?:个|项|次|场|件|批|家|名|人|份|条|类|宗|期|所|场次|人次)/;

export const noFigure: DocumentRule = {
  id: 'fig.none',
  category: 'figures',
  severity: 'warning',
  title: '成效部分的小节没有任何数据',
  scope: 'document',
  check(doc, view) {
    const parts = partsOf(doc);
    const out: RawFinding[] = [];
    const hasFigure = (i: number): boolean => view.memo(i, 'fig.has', (us) => us.some((u) => HAS_FIGURE.test(u.text)));
    for (const { start, end } of partRanges(parts, 'achievements')) {
      const head = doc.body[start];
      if (!head || head.type !== 'heading') continue;
      // The sub-parts: headings one level below the part's heading (the first level used under it).
      let subLevel = 5;
      for (let i = start + 1; i < end; i++) { const b = doc.body[i]!; if (b.type === 'heading' && b.level > head.level) subLevel = Math.min(subLevel, b.level); }
      if (subLevel === 5) continue;
      for (let i = start + 1; i < end; i++) {
        const b = doc.body[i]!;
        if (b.type !== 'heading' || b.level !== subLevel) continue;
        let j = i + 1;
        while (j < end) { const n = doc.body[j]!; if (n.type === 'heading' && n.level <= subLevel) break; j++; }
        let found = false;
        for (let k = i; k < j && !found; k++) found = hasFigure(k);
        if (!found && j > i + 1) {
          const unit = view.unitsOf(i)[0]!;
          out.push(at(unit, 0, unit.text.length, `这一小节没有任何数据（件数、次数、比例、金额等）。成效部分宜用数据说明工作成效。`));
        }
      }
    }
    return out;
  },
};

// ----- the same indicator with different values -----------------------------------------------------------------

interface Statement {
  unit: number; label: string; value: string; unitWord: string; start: number; end: number;
  /** The period the figure is for when the words before it name one (`2023年`, `1—11月`, `上半年`, `上年同期`). */
  period?: string;
}

const COUNT_UNITS = '件|项|个|份|场次|场|次|人次|名|人|宗|起|条|家|部|批|所|户|家次|期|篇|万元|亿元|元|%';
const FIGURE = new RegExp(`(\\d+(?:\\.\\d+)?)(${COUNT_UNITS})`, 'g');
const LABEL_CHAR = new RegExp(`[${HAN_CLASS}]`);
// Words before a figure that do not tell indicators apart. The verbs that do (审查 / 清理 / 备案 规范性文件, 受理 /
// 办理 案件, 收到 / 答复 申请) stay in the label: the same object counted by two acts is two indicators.
const LEADING_FILLER = /^(?:全年|年内|今年以来|今年|当年|本年度|同时|其中|共|累计|总计|合计|全市|全区|全县|我局|我市|我区|我县|本局|已|共计|先后|依法|组织|开展|完成)+/;
/** Words of a label that say the figure is for another period than the year reported (or a part of it). */
const PERIOD_WORDS = /上年|去年|前年|同期|上半年|下半年|季度|上月|本月|当月/;
const TRAILING_FILLER = /(?:共|累计|总计|合计|为|达到|达|是|约|超|近|逾|数量|数)+$/;

/** Figures stated with a label: `政协提案18件` → label 政协提案, value 18, unit 件 (the clause's words before the number). */
export function extractStatements(text: string, unitIndex = 0): Statement[] {
  if (!/\d/.test(text)) return [];
  const out: Statement[] = [];
  for (const m of matches(FIGURE, text)) {
    if (text[m.index - 1] === '.' || /\d/.test(text[m.index - 1] ?? '')) continue;
    let from = m.index;
    while (from > 0 && m.index - from < 16 && LABEL_CHAR.test(text[from - 1]!)) from--;
    let raw = text.slice(from, m.index).replace(TRAILING_FILLER, '');
    const labelEnd = from + raw.length;
    // A label right after a number begins with the period it names: 2023年办理…, 1—11月办理…, 3日…
    let period: string | undefined;
    const after = /^[年月日]/.exec(raw);
    if (after) {
      const digits = /(\d+)$/.exec(text.slice(Math.max(0, from - 4), from));
      period = after[0] === '年' && digits?.[1]?.length === 4 ? `${digits[1]}年` : after[0];
      raw = raw.slice(1);
    } else {
      period = PERIOD_WORDS.exec(raw)?.[0];
    }
    const label = raw.replace(LEADING_FILLER, '');
    if (label.length < 4) continue;
    const s: Statement = { unit: unitIndex, label, value: m[1]!, unitWord: m[2]!, start: labelEnd - label.length, end: m.index + m[0].length };
    if (period) s.period = period;
    out.push(s);
  }
  return out;
}

export const conflictingValues: DocumentRule = {
  id: 'fig.conflict',
  category: 'figures',
  severity: 'error',
  title: '同一指标前后数据不一致',
  scope: 'document',
  check(doc, view) {
    // Statements bucketed by the last four characters of their label and their unit; within a bucket two labels
    // name the same indicator when one ends with the other (认真办理政协提案 / 政协提案).
    const buckets = new Map<string, Array<{ index: number; s: Statement; unit: TextUnit }>>();
    const out: RawFinding[] = [];
    doc.body.forEach((_, index) => {
      const units = view.unitsOf(index);
      const stmts = view.memo(index, 'fig.statements', (us) => us.flatMap((u, k) => extractStatements(u.text, k)));
      for (const s of stmts) {
        // A figure for another period (last year, a part of the year) is not the year's figure stated again.
        if (s.period !== undefined && s.period !== `${doc.meta.year}年`) continue;
        const key = `${s.label.slice(-4)}\u0001${s.unitWord}`;
        const unit = units[s.unit]!;
        let bucket = buckets.get(key);
        if (!bucket) { bucket = []; buckets.set(key, bucket); }
        const prior = bucket.find((p) => p.index !== index && p.s.value !== s.value && (p.s.label.endsWith(s.label) || s.label.endsWith(p.s.label)));
        // Within one paragraph the same words usually describe different things (two platforms side by side).
        if (prior && !bucket.some((p) => p.s.value === s.value && (p.s.label.endsWith(s.label) || s.label.endsWith(p.s.label)))) {
          const label = s.label.length <= prior.s.label.length ? s.label : prior.s.label;
          const start = s.start + s.label.length - label.length;
          out.push({ path: unit.path, start, end: s.end, text: unit.text.slice(start, s.end), message: `“${label}”前后数据不一致：前文为${prior.s.value}${prior.s.unitWord}（${q(prior.unit.text.slice(prior.s.start, prior.s.end), 30)}），此处为${s.value}${s.unitWord}。请核实。` });
        }
        bucket.push({ index, s, unit });
      }
    });
    return out;
  },
};

// ----- years that contradict the report year -------------------------------------------------------------------

const YEAR = /(?<![\d\-—～~])((?:19|20)\d{2})年(?![\d\-—～~])/g;
const PLAN_WORDS = /计划|预计|将|力争|争取|拟|目标|前完成|底前|之前|规划|展望|以后|起施行|起实施/;

export const yearConsistency: DocumentRule = {
  id: 'fig.year',
  category: 'figures',
  severity: 'warning',
  title: '年份与报告年度矛盾',
  scope: 'document',
  check(doc, view) {
    const Y = doc.meta.year;
    const parts = partsOf(doc);
    const out: RawFinding[] = [];
    doc.body.forEach((block, index) => {
      const years = view.memo(index, 'fig.years', (us) => us.flatMap((u, k) => yearsIn(u.text, k)));
      if (years.length === 0) return;
      const part = partAt(parts, index);
      if (part !== 'achievements' && part !== 'plans') return;
      const units = view.unitsOf(index);
      for (const { k, index: at0, y, plan, since } of years) {
        const unit = units[k]!;
        if (part === 'achievements' && y === Y + 1 && !plan) {
          out.push(at(unit, at0, at0 + 5, `成效部分写的是${Y}年的工作，此处却写“${y}年”，请核实年份。`));
        }
        if (part === 'plans' && y === Y && block.type !== 'heading' && !since) {
          out.push(at(unit, at0, at0 + 5, `下一年度安排应写${Y + 1}年的工作，此处写“${y}年”，请核实年份。`));
        }
        if (part === 'plans' && y === Y && block.type === 'heading') {
          out.push(at(unit, at0, at0 + 5, `下一年度安排的标题应为${Y + 1}年，此处写“${y}年”。`, `${Y + 1}年`));
        }
      }
    });
    return out;
  },
};

/** Years named in a text (outside book titles), with whether their clause speaks of plans or of a time since then. */
function yearsIn(text: string, k: number): Array<{ k: number; index: number; y: number; plan: boolean; since: boolean }> {
  if (!/(?:19|20)\d{2}年/.test(text)) return [];
  const out: Array<{ k: number; index: number; y: number; plan: boolean; since: boolean }> = [];
  for (const m of matches(YEAR, text)) {
    const before = text.slice(0, m.index);
    // Inside a book title (《…2025年版》) a year names a document, not the period reported.
    if (before.lastIndexOf('《') > before.lastIndexOf('》')) continue;
    const clauseStart = Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf('，')) + 1;
    const clause = text.slice(clauseStart, m.index + 16);
    out.push({ k, index: m.index, y: Number(m[1]), plan: PLAN_WORDS.test(clause), since: /以来|底|末|基础上|经验|成效|成果/.test(clause) });
  }
  return out;
}

// ----- indicators the template requires ----------------------------------------------------------------------------

// Template patterns run in the linear-time engine (shared/check/userPattern.ts), compiled once each.
const compiled = new Map<string, CompiledPattern>();
function compile(source: string): CompiledPattern {
  let re = compiled.get(source);
  if (re === undefined) {
    re = compileUserPattern(source);
    if (compiled.size > 256) compiled.clear();
    compiled.set(source, re);
  }
  return re;
}

export const requiredIndicators: DocumentRule = {
  id: 'fig.required',
  category: 'figures',
  severity: 'warning',
  title: '模板要求的指标未写明',
  scope: 'document',
  check(doc, view) {
    const list = doc.rules.requiredIndicators;
    if (list.length === 0) return [];
    const parts = partsOf(doc);
    const out: RawFinding[] = [];
    for (const ind of list) {
      const compiledPattern = compile(ind.pattern);
      if (!compiledPattern.ok) {
        out.push({ path: [], start: 0, end: 0, text: '', message: `模板要求的指标“${ind.label}”的匹配规则“${ind.pattern.slice(0, 60)}”${compiledPattern.reason}，无法检查，请联系模板维护人。`, severity: 'info' });
        continue;
      }
      const re = compiledPattern.pattern;
      let ranges = partRanges(parts, ind.part);
      // Leadership is often reported inside the achievements: look there too. A part not found: look everywhere.
      if (ind.part === 'leadership') ranges = [...ranges, ...partRanges(parts, 'achievements')];
      if (ranges.length === 0) ranges = [{ start: 0, end: doc.body.length }];
      const found = ranges.some(({ start, end }) => {
        for (let i = start; i < end; i++) if (view.memo(i, `fig.required\u0001${ind.pattern}`, (us) => us.some((u) => re.test(u.text)))) return true;
        return false;
      });
      if (!found) {
        out.push({ path: [], start: 0, end: 0, text: ind.label, message: `模板要求在“${PART_NAMES[ind.part]}”中写明“${ind.label}”（含具体数据），文中未找到。` });
      }
    }
    return out;
  },
};

export const FIGURE_RULES = [placeholder, templateHint];
export const FIGURE_DOCUMENT_RULES = [staleFigure, noFigure, conflictingValues, yearConsistency, requiredIndicators];
