// Recognising the mandated parts of a report by meaning (shared, pure; REFERENCE.md §2). A part may be its own
// level-1 heading, a sub-heading, one clause of a run-in enumeration (`一是切实履行…第一责任人职责`), or share a
// combined part (`三、坚持问题导向…` holding the shortcomings as 一是… and the plans as （一）（二）). Large reports use
// thematic level-1 headings for the achievements. Each location says how it was found and how sure it is.
import { requiredPartIds } from '../model/parts';
import { MANDATED_PART_IDS, blockContent, type Block, type MandatedPartId, type ReportDocument } from '../model/schema';

/** How a part was found. */
export type PartEvidence =
  /** the heading carries the part in its `parts` tag (a saved document, a template) */
  | 'tag'
  /** the level-1 heading's wording names the part */
  | 'heading'
  /** one level-1 heading names several parts (`存在的不足和下一步工作安排`) */
  | 'combined'
  /** a sub-heading names the part */
  | 'subheading'
  /** one clause of a run-in enumeration in a paragraph (`一是切实履行法治建设第一责任人职责`) */
  | 'runin'
  /** a paragraph's wording inside an otherwise untitled part (`…但也存在一些问题和差距。一是…`) */
  | 'paragraph'
  /** a thematic level-1 heading before the shortcomings and plans: counts as achievements */
  | 'thematic';

export type Confidence = 'high' | 'medium' | 'low';

export interface PartLocation {
  id: MandatedPartId;
  /** Slate path of the block that shows the part. */
  path: number[];
  via: PartEvidence;
  confidence: Confidence;
  /** Text of the heading at `path`, or of the nearest heading above it for paragraph evidence ('' if none). */
  heading: string;
  /** The words that show the part: the heading text, or the clause / sentence of a paragraph. */
  text: string;
  /** For paragraph evidence: the character range of `text` inside the block. */
  range?: { start: number; end: number };
  /** The blocks the part covers: body indices from `start` (inclusive) to `end` (exclusive). */
  extent: { start: number; end: number };
}

export interface MandatedParts {
  /** Every location found, in document order (a thematic report has several achievements headings). */
  locations: PartLocation[];
  /** The most telling location of each part present. */
  primary: Partial<Record<MandatedPartId, PartLocation>>;
  /** Parts present, in the order of the rule. */
  present: MandatedPartId[];
  /** Required parts (shared/model/parts.ts) not found. */
  missing: MandatedPartId[];
  /** Parts present only by weak evidence (best location of `low` confidence): worth a question to the officer. */
  weak: MandatedPartId[];
  /** The achievements are covered by thematic headings rather than one part. */
  thematic: boolean;
  /** Heading tags worth storing (`HeadingElement.parts`): body index → parts, for headings that clearly are parts. */
  headingTags: Map<number, MandatedPartId[]>;
}

export interface PartsInput {
  body: readonly Block[];
  meta?: Partial<Pick<ReportDocument['meta'], 'year'>>;
}

const REQUIRED: readonly MandatedPartId[] = requiredPartIds();

// ---- wording (REFERENCE.md §2 keywords, widened by what published reports write) --------------------------------

const ACHIEVEMENTS_H = /主要举措|举措和成效|举措及成效|取得的?成效|工作成效|主要成效|成效|主要做法|工作开展情况|开展情况|工作情况|主要工作|工作成绩|取得的成绩|主要成绩|进展情况|推进情况|工作总结|工作回顾/;
const SHORTCOMINGS_H = /不足|短板|差距|薄弱环节|困难和问题|存在(?:的)?(?:主要)?(?:困难|问题)|问题(?:及|和|与)(?:其)?原因|原因分析|原因/;
/** Phrases with shortcoming words that are resolves or achievements, not shortcomings. */
const NOT_SHORTCOMINGS = /问题导向|补齐?[^，。,；]{0,6}短板|锻长板|解决[^，。,；]{0,10}问题|困难群众|不足额/g;
const LEADERSHIP_H = /第一责任人|党政主要负责|主要负责人|主要负责同志|述法|组织领导|党的领导|党对[^，。,]{0,12}领导|加强[^，。,]{0,6}领导/;
const PLANS_H = /下一年度|下一步|下年度|下阶段|下一阶段|明年|今后|来年|主要安排|工作安排|工作打算|工作计划|工作思路|努力方向|工作展望|展望/;
/** `2025年工作重点`: a plan when the year is after the report year (or the report year is unknown). */
const DATED_PLAN_H = /(\d{4})年(?:度)?(?:的)?(?:工作)?(?:主要)?(?:安排|打算|计划|思路|重点|目标)/;
const OTHER_H = /其他需要报告|其他(?:有关)?(?:情况|事项)|其它需要报告|其它(?:有关)?(?:情况|事项)/;

/** Wording in a part's heading that hints at a combined shortcomings-and-plans part even without the keywords. */
const COMBINED_HINT = /问题导向|问题|不足|短板|差距|改进|整改|努力方向|展望|开创|新局|新篇|再上新台阶/;

const LEADERSHIP_RUNIN =
  /[一二三四五六七八九十]{1,2}是([^。！？；]{0,40}?(?:第一责任人|述法|党政主要负责|主要负责(?:人|同志)[^。！？；]{0,12}(?:法治|职责)))[^。！？；]*/;
const LEADERSHIP_WORDS = /第一责任人职责|党政主要负责人[^。！？]{0,20}(?:法治|职责)|述法/;

const SHORTCOMINGS_P =
  /(?:存在|还存在|仍存在|也存在|还有|仍有)(?:着)?[^。；！？]{0,10}(?:不足|问题|差距|短板|薄弱)|不足之处|问题和不足|不足和问题|短板和不足|差距和不足/;
/** Wording of a paragraph that reports what was done (for reports without headings). */
const ACHIEVEMENTS_P = /\d+(?:\.\d+)?(?:%|件|次|项|个|场|人次|份|宗|万|亿)/;
const PLANS_P_BASE =
  /下一步|下一年度|下年度|下阶段|下一阶段|明年|今后|来年|以下[一二两三四五六七八九十]?个?方面|重点(?:做好|抓好|推进)以下/;

function plansParagraph(year: number | undefined): RegExp {
  if (!year) return PLANS_P_BASE;
  return new RegExp(`${PLANS_P_BASE.source}|${year + 1}年`);
}

/** The parts a heading's wording names. */
export function partsNamedByHeading(text: string, year?: number): MandatedPartId[] {
  const found: MandatedPartId[] = [];
  // 坚持问题导向 is a resolve, 补齐短板 an achievement: neither reports a shortcoming.
  const forShortcomings = text.replace(NOT_SHORTCOMINGS, '');
  const dated = DATED_PLAN_H.exec(text);
  const isPlan =
    PLANS_H.test(text) ||
    (dated !== null && (year === undefined || Number(dated[1]) > year)) ||
    (year !== undefined && text.includes(`${year + 1}年`) && /安排|打算|计划|思路|重点|目标/.test(text));
  if (ACHIEVEMENTS_H.test(text) && !isPlan) found.push('achievements');
  if (SHORTCOMINGS_H.test(forShortcomings)) found.push('shortcomings');
  if (LEADERSHIP_H.test(text)) found.push('leadership');
  if (isPlan) found.push('plans');
  if (OTHER_H.test(text)) found.push('other');
  return found;
}

interface Section {
  heading: number;
  end: number;
}

function textOf(block: Block): string {
  // A template's writing hint is never a part's content.
  return block.type === 'table' ? '' : blockContent(block);
}

function headingAbove(body: readonly Block[], index: number): { text: string; index: number } {
  for (let i = index; i >= 0; i--) {
    const b = body[i]!;
    if (b.type === 'heading') return { text: textOf(b), index: i };
  }
  return { text: '', index: -1 };
}

function headingScopeEnd(body: readonly Block[], index: number): number {
  const b = body[index]!;
  if (b.type !== 'heading') return index + 1;
  for (let j = index + 1; j < body.length; j++) {
    const n = body[j]!;
    if (n.type === 'heading' && n.level <= b.level) return j;
  }
  return body.length;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const EVIDENCE_RANK: Record<PartEvidence, number> = { tag: 7, heading: 6, combined: 5, subheading: 4, runin: 3, paragraph: 2, thematic: 1 };

/** Which mandated parts a report contains, where, and how sure. Pure and linear in the size of the body. */
export function recognizeMandatedParts(doc: PartsInput): MandatedParts {
  const body = doc.body;
  const year = doc.meta?.year;
  const locations: PartLocation[] = [];
  const headingTags = new Map<number, MandatedPartId[]>();
  const tag = (index: number, id: MandatedPartId): void => {
    const list = headingTags.get(index) ?? [];
    if (!list.includes(id)) list.push(id);
    headingTags.set(index, list);
  };
  const add = (loc: Omit<PartLocation, 'heading' | 'path'> & { index: number }): void => {
    const { index, ...rest } = loc;
    const above = headingAbove(body, index);
    locations.push({ ...rest, path: [index], heading: above.text });
  };

  // The parts level: level 1, or the top level a report without level-1 headings uses.
  let topLevel = 5;
  for (const b of body) if (b.type === 'heading' && b.level < topLevel) topLevel = b.level;
  const sections: Section[] = [];
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (b.type === 'heading' && b.level === topLevel) sections.push({ heading: i, end: body.length });
  }
  for (let s = 0; s < sections.length - 1; s++) sections[s]!.end = sections[s + 1]!.heading;

  // 1. Level-1 headings: their tag, else their wording.
  const sectionVia: (PartEvidence | null)[] = [];
  const sectionParts: MandatedPartId[][] = sections.map((sec, s) => {
    const h = body[sec.heading]!;
    sectionVia[s] = null;
    if (h.type !== 'heading') return [];
    if (h.parts && h.parts.length > 0) {
      sectionVia[s] = 'tag';
      return [...h.parts];
    }
    const named = partsNamedByHeading(textOf(h), year);
    if (named.length > 0) {
      sectionVia[s] = named.length > 1 ? 'combined' : 'heading';
      for (const id of named) tag(sec.heading, id);
    }
    return named;
  });

  // 2. Sub-headings that name a part: leadership inside the achievements or an untagged part; the others inside an
  // untagged part (which they then make a part) or, inside a combined part, where each of its parts begins.
  const subheadingOf: Partial<Record<MandatedPartId, number>>[] = sections.map(() => ({}));
  for (let s = 0; s < sections.length; s++) {
    const sec = sections[s]!;
    const own = sectionParts[s]!;
    const untaggedSection = own.length === 0;
    const foundHere: MandatedPartId[] = [];
    for (let i = sec.heading + 1; i < sec.end; i++) {
      const b = body[i]!;
      if (b.type !== 'heading') continue;
      const text = textOf(b);
      const extent = { start: i, end: headingScopeEnd(body, i) };
      const tagged = b.parts && b.parts.length > 0;
      const named = tagged ? b.parts! : partsNamedByHeading(text, year).filter((id) => id !== 'achievements');
      const via: PartEvidence = tagged ? 'tag' : 'subheading';
      for (const id of named) {
        if (own.includes(id)) {
          subheadingOf[s]![id] ??= i;
          continue;
        }
        if (id === 'leadership') {
          // 加强组织领导 among the plans is a plan, not the leadership report.
          if (!tagged && own.some((p) => p !== 'achievements')) continue;
          add({ id, index: i, via, confidence: 'high', text, extent });
          if (!tagged) tag(i, id);
        } else if (untaggedSection || tagged) {
          add({ id, index: i, via, confidence: tagged ? 'high' : 'medium', text, extent });
          if (!tagged) tag(i, id);
          if (!foundHere.includes(id)) foundHere.push(id);
        }
      }
    }
    if (untaggedSection && foundHere.length > 0) sectionParts[s] = foundHere;
  }

  // 3. Leadership reported as one clause of a run-in enumeration, or in a sentence.
  if (!locations.some((l) => l.id === 'leadership') && !sectionParts.some((ids) => ids.includes('leadership'))) {
    let sentence: PartLocation | null = null;
    for (let i = 0; i < body.length; i++) {
      const b = body[i]!;
      if (b.type !== 'paragraph') continue;
      const text = textOf(b);
      const m = LEADERSHIP_RUNIN.exec(text);
      if (m) {
        const confidence: Confidence = /第一责任人/.test(m[0]) ? 'high' : 'medium';
        add({ id: 'leadership', index: i, via: 'runin', confidence, text: m[0], range: { start: m.index, end: m.index + m[0].length }, extent: { start: i, end: i + 1 } });
        break;
      }
      if (!sentence) {
        if (LEADERSHIP_WORDS.test(text)) {
          const above = headingAbove(body, i);
          const s = sentenceAround(text, LEADERSHIP_WORDS);
          sentence = {
            id: 'leadership', path: [i], via: 'paragraph', confidence: 'medium', heading: above.text, text: s.text,
            range: s.range, extent: { start: i, end: i + 1 },
          };
        }
      }
    }
    if (!locations.some((l) => l.id === 'leadership') && sentence) locations.push(sentence);
  }

  // 4. Where each part of a level-1 part lies. A part holding both the shortcomings and the plans is split where the
  // plans begin; an untagged part may show itself as such a part by its paragraphs alone.
  const plansRe = plansParagraph(year);
  const lastSection = sections.length - 1;
  for (let s = 0; s < sections.length; s++) {
    const sec = sections[s]!;
    const own = sectionParts[s]!;
    const via = sectionVia[s];
    const headingText = textOf(body[sec.heading]!);
    if (via !== null) {
      // Where each of its parts begins: a sub-heading naming it, else (shortcomings, plans) its paragraphs, else
      // the part's own heading. Each part then runs to the next one's beginning.
      const starts = new Map<MandatedPartId, number>();
      const split = own.length > 1 && (own.includes('shortcomings') || own.includes('plans')) ? splitCombined(body, sec, subheadingOf[s]!, plansRe, true) : null;
      for (const id of own) {
        let at = own.length > 1 ? subheadingOf[s]![id] ?? -1 : -1;
        if (at < 0 && split && id === 'shortcomings') at = split.shortcomingsAt;
        if (at < 0 && split && id === 'plans') at = split.plansAt;
        starts.set(id, at < 0 ? sec.heading : at);
      }
      for (const id of own) {
        const at = starts.get(id)!;
        let end = sec.end;
        for (const other of starts.values()) if (other > at && other < end) end = other;
        const re = id === 'shortcomings' ? SHORTCOMINGS_P : plansRe;
        const text = at === sec.heading ? headingText : evidenceText(body, at, re);
        const loc: Omit<PartLocation, 'heading' | 'path'> & { index: number } = { id, index: at, via, confidence: 'high', text, extent: { start: at, end } };
        const range = at === sec.heading ? undefined : evidenceRange(body, at, re);
        if (range) loc.range = range;
        add(loc);
      }
      continue;
    }
    if (own.length > 0) continue; // made a part by its sub-headings (step 2)
    const hinted = COMBINED_HINT.test(headingText);
    const split = splitCombined(body, sec, {}, plansRe, hinted);
    if (split.shortcomingsAt < 0 && s !== lastSection) continue;
    const plansAt = split.shortcomingsAt >= 0 || s === lastSection ? split.plansAt : -1;
    // Only a fairly sure reading makes the part a shortcomings / plans part (tagged, no longer thematic); a weak one
    // (`下一步…` somewhere in the last part) is reported with low confidence and changes nothing else.
    const found: MandatedPartId[] = [];
    if (split.shortcomingsAt >= 0) {
      const at = split.shortcomingsAt;
      const confidence: Confidence = hinted || plansAt >= 0 ? 'medium' : 'low';
      add({ id: 'shortcomings', index: at, via: 'paragraph', confidence, text: evidenceText(body, at, SHORTCOMINGS_P), range: evidenceRange(body, at, SHORTCOMINGS_P), extent: { start: at, end: plansAt >= 0 ? plansAt : sec.end } });
      if (confidence !== 'low') found.push('shortcomings');
    }
    if (plansAt >= 0) {
      const b = body[plansAt]!;
      const viaPlans: PartEvidence = b.type === 'heading' ? 'subheading' : 'paragraph';
      const confidence: Confidence = split.shortcomingsAt >= 0 || hinted ? 'medium' : 'low';
      add({ id: 'plans', index: plansAt, via: viaPlans, confidence, text: evidenceText(body, plansAt, plansRe), range: evidenceRange(body, plansAt, plansRe), extent: { start: plansAt, end: sec.end } });
      if (confidence !== 'low') found.push('plans');
    }
    for (const id of found) tag(sec.heading, id);
    if (found.length > 0) sectionParts[s] = found;
  }

  // 5. Thematic parts: untagged level-1 parts before the shortcomings / plans are the achievements.
  const hasAchievementsHeading = locations.some((l) => l.id === 'achievements');
  const firstLater = sections.findIndex((_, s) => sectionParts[s]!.some((id) => id === 'shortcomings' || id === 'plans' || id === 'other'));
  let thematic = false;
  for (let s = 0; s < sections.length; s++) {
    if (firstLater >= 0 && s >= firstLater) break;
    if (sectionParts[s]!.length > 0) continue;
    const sec = sections[s]!;
    thematic = true;
    add({ id: 'achievements', index: sec.heading, via: 'thematic', confidence: hasAchievementsHeading ? 'low' : 'medium', text: textOf(body[sec.heading]!), extent: { start: sec.heading, end: sec.end } });
  }

  // 6. A report without headings: read its paragraphs, with low confidence. What comes before the shortcomings is
  // taken for the achievements.
  if (sections.length === 0) {
    let firstAt = -1;
    let shortAt = -1;
    let plansAt = -1;
    for (let i = 0; i < body.length && plansAt < 0; i++) {
      const b = body[i]!;
      if (b.type !== 'paragraph') continue;
      const text = textOf(b);
      if (firstAt < 0) firstAt = i;
      else if (shortAt < 0 && SHORTCOMINGS_P.test(text)) shortAt = i;
      else if (shortAt >= 0 && plansRe.test(text)) plansAt = i;
    }
    const paragraphAt = (id: MandatedPartId, at: number, re: RegExp, end: number): void => {
      const text = textOf(body[at]!);
      const sentence = re.test(text) ? sentenceAround(text, re) : sentenceAround(text, /[^。！？；]/);
      add({ id, index: at, via: 'paragraph', confidence: 'low', text: sentence.text, range: sentence.range, extent: { start: at, end } });
    };
    if (firstAt >= 0 && (shortAt > firstAt || (shortAt < 0 && body.length > 0))) paragraphAt('achievements', firstAt, ACHIEVEMENTS_P, shortAt >= 0 ? shortAt : body.length);
    if (shortAt >= 0) paragraphAt('shortcomings', shortAt, SHORTCOMINGS_P, plansAt >= 0 ? plansAt : body.length);
    if (plansAt >= 0) paragraphAt('plans', plansAt, plansRe, body.length);
  }

  locations.sort((a, b) => a.path[0]! - b.path[0]! || MANDATED_PART_IDS.indexOf(a.id) - MANDATED_PART_IDS.indexOf(b.id));
  const primary: Partial<Record<MandatedPartId, PartLocation>> = {};
  for (const loc of locations) {
    const best = primary[loc.id];
    if (
      !best ||
      CONFIDENCE_RANK[loc.confidence] > CONFIDENCE_RANK[best.confidence] ||
      (CONFIDENCE_RANK[loc.confidence] === CONFIDENCE_RANK[best.confidence] && EVIDENCE_RANK[loc.via] > EVIDENCE_RANK[best.via])
    ) {
      primary[loc.id] = loc;
    }
  }
  const present = MANDATED_PART_IDS.filter((id) => primary[id] !== undefined);
  const missing = REQUIRED.filter((id) => primary[id] === undefined);
  const weak = present.filter((id) => primary[id]!.confidence === 'low');
  return { locations, primary, present, missing, weak, thematic, headingTags };
}

/**
 * Inside a level-1 part: where the shortcomings begin (a sub-heading naming them, else a paragraph opening the part
 * that reports problems) and where the plans begin (a sub-heading naming them, else the first paragraph after the
 * shortcomings with planning words, else the first sub-heading after a shortcomings paragraph). -1 when not found.
 */
function splitCombined(
  body: readonly Block[],
  sec: Section,
  subheadings: Partial<Record<MandatedPartId, number>>,
  plansRe: RegExp,
  searchPastFirst: boolean,
): { shortcomingsAt: number; plansAt: number } {
  let shortcomingsAt = subheadings.shortcomings ?? -1;
  if (shortcomingsAt < 0) {
    // The shortcomings open the part: its first paragraph, or (when the heading hints) any paragraph before its
    // first sub-heading. Deeper in an achievements part `对存在的问题立行立改` is not a report of shortcomings.
    for (let i = sec.heading + 1; i < sec.end; i++) {
      const b = body[i]!;
      if (b.type !== 'paragraph') break;
      if (SHORTCOMINGS_P.test(textOf(b))) { shortcomingsAt = i; break; }
      if (!searchPastFirst) break;
    }
  }
  let plansAt = subheadings.plans ?? -1;
  if (plansAt < 0) {
    const from = shortcomingsAt >= 0 ? shortcomingsAt + 1 : sec.heading + 1;
    for (let i = from; i < sec.end; i++) {
      const b = body[i]!;
      if (b.type === 'paragraph' && plansRe.test(textOf(b))) { plansAt = i; break; }
      if (b.type === 'heading' && shortcomingsAt >= 0 && body[shortcomingsAt]!.type === 'paragraph') { plansAt = i; break; }
    }
  }
  return { shortcomingsAt, plansAt };
}

function evidenceText(body: readonly Block[], index: number, re: RegExp): string {
  const b = body[index]!;
  return b.type === 'heading' ? textOf(b) : sentenceAround(textOf(b), re).text;
}

function evidenceRange(body: readonly Block[], index: number, re: RegExp): { start: number; end: number } | undefined {
  const b = body[index]!;
  return b.type === 'heading' ? undefined : sentenceAround(textOf(b), re).range;
}

/** The sentence of `text` that contains the first match of `re`, with its range. */
function sentenceAround(text: string, re: RegExp): { text: string; range: { start: number; end: number } } {
  const m = re.exec(text);
  if (!m) return { text, range: { start: 0, end: text.length } };
  let start = m.index;
  while (start > 0 && !'。！？；'.includes(text[start - 1]!)) start--;
  let end = m.index + m[0].length;
  while (end < text.length && !'。！？；'.includes(text[end]!)) end++;
  if (end < text.length) end++;
  return { text: text.slice(start, end), range: { start, end } };
}
