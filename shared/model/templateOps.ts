// Turning templates into reports and reports into templates or next year's draft (shared, pure).
import type { Block, MandatedPartId, ReportDocument, ReportMeta, TextLeaf } from './schema';
import { Template, type PartGuidance } from './template';

/** Tokens a template may hold; a new report replaces them with its own year and organ. */
export const YEAR_TOKEN = '【年份】';
export const NEXT_YEAR_TOKEN = '【下一年份】';
export const ORGAN_TOKEN = '【机关名称】';

/**
 * A figure: an Arabic number (with 万/亿, 余/多) followed by a measure word or a percent sign. Years (2024年),
 * dates, ordinals (第3次), version numbers and names such as 12345热线 or IPv6 are not figures.
 */
export const FIGURE_PATTERN =
  /(?<![\d.A-Za-z第])(\d+(?:[.,]\d+)*)(?:\s*)(万|亿)?(余|多)?\s*(%|％|个工作日|场次|人次|户次|件次|万元|亿元|平方米|公里|千米|件|份|次|场|名|人|户|个|项|条|家|宗|起|所|座|套|元|吨|天|小时|批|期|篇|部|支|类)/gu;

export interface NewReportMeta {
  /** A fresh document id (the caller makes it: shared code has no randomness). */
  id: string;
  organ: string;
  year: number;
  addressee?: string;
  signature?: string;
  date?: ReportMeta['date'];
}

export function reportTitle(organ: string, year: number): string {
  return `${organ}关于${year}年度法治政府建设情况的报告`;
}

/** A new report from a template: its skeleton with the year and organ filled in, and its rule settings. */
export function createReportFromTemplate(template: Template, meta: NewReportMeta): ReportDocument {
  const fill = (text: string): string => {
    let out = text.replaceAll(YEAR_TOKEN, String(meta.year)).replaceAll(NEXT_YEAR_TOKEN, String(meta.year + 1));
    if (meta.organ.trim()) out = out.replaceAll(ORGAN_TOKEN, meta.organ.trim());
    return out;
  };
  return {
    id: meta.id,
    meta: {
      organ: meta.organ,
      year: meta.year,
      title: reportTitle(meta.organ, meta.year),
      addressee: meta.addressee ?? template.addressee,
      date: meta.date ?? '',
      signature: meta.signature?.trim() || meta.organ,
      templateId: template.id,
    },
    body: mapLeafTexts(template.body, fill),
    ignores: [],
    rules: cloneJson(template.rules),
  };
}

export interface ReportToTemplateOptions {
  name: string;
  id: string;
  description?: string;
  /** Replace the report's year and next year (e.g. 2024年, 2025年) with 【年份】/【下一年份】. */
  clearYearText: boolean;
  /** Replace the organ's name with 【机关名称】. */
  clearOrganName?: boolean;
  /** The template the report was made from: its guidance (and description) carry over. */
  base?: Template | null;
}

/**
 * A template from a report: keeps the structure, text and rule settings, turns every figure into a placeholder
 * (18件 → 【××件】, 96.5% → 【××%】) and optionally clears year- and organ-specific text.
 */
export function reportToTemplate(doc: ReportDocument, options: ReportToTemplateOptions): Template {
  const year = doc.meta.year;
  const organ = doc.meta.organ.trim();
  const transform = (text: string, inHeading: boolean): string => {
    let out = inHeading ? text : text.replace(FIGURE_PATTERN, (_m, _n, _big, _approx, unit: string) => `【××${unit === '％' ? '%' : unit}】`);
    if (options.clearYearText) {
      out = replaceYears(out, (y) => (y === year ? YEAR_TOKEN : y === year + 1 ? NEXT_YEAR_TOKEN : null));
    }
    if (options.clearOrganName && organ) out = out.replaceAll(organ, ORGAN_TOKEN);
    return out;
  };
  const body: Block[] = doc.body.map((block) => {
    if (block.type === 'table') {
      return { ...block, children: block.children.map((row) => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: [{ text: transform(joinLeaves(cell.children), false) }] })) })) };
    }
    return { ...block, children: [{ text: transform(joinLeaves(block.children), block.type === 'heading') }] };
  });
  const guidance: PartGuidance[] = options.base ? cloneJson(options.base.guidance) : [];
  return Template.parse({
    id: options.id,
    name: options.name,
    description: options.description ?? options.base?.description ?? `由“${doc.meta.title || '报告'}”生成`,
    source: 'user',
    addressee: doc.meta.addressee,
    body,
    guidance,
    rules: cloneJson(doc.rules),
  });
}

export interface NextYearOptions {
  /** A fresh document id for the new report. */
  id: string;
}

/**
 * Next year's draft from last year's report: the year moves on (Y→Y+1 everywhere the report speaks of its own year,
 * Y+1→Y+2 in the plans), the title follows, the date and document number are cleared, and every figure is marked
 * stale until the officer confirms or changes it. Ranges such as 2021—2025年 and titles in 《》 keep their years.
 */
export function newFromPreviousYear(doc: ReportDocument, options: NextYearOptions): ReportDocument {
  const y = doc.meta.year;
  const inPlans = planBlocks(doc.body);
  const shiftAchievements = (n: number): number | null => (n === y ? y + 1 : null);
  const shiftPlans = (n: number): number | null => (n === y ? y + 1 : n === y + 1 ? y + 2 : null);
  const body: Block[] = doc.body.map((block, i) => {
    const shift = inPlans[i] ? shiftPlans : shiftAchievements;
    const leaves = (children: readonly TextLeaf[]): TextLeaf[] =>
      markFigures(children.map((leaf) => ({ text: replaceYears(leaf.text, (n) => shift(n)?.toString() ?? null) })));
    if (block.type === 'table') {
      return { ...block, children: block.children.map((row) => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: leaves(cell.children) })) })) };
    }
    if (block.type === 'heading') {
      return { ...block, children: block.children.map((leaf) => ({ text: replaceYears(leaf.text, (n) => shift(n)?.toString() ?? null) })) };
    }
    return { ...block, children: leaves(block.children) };
  });
  const { docNumber: _docNumber, ...meta } = doc.meta;
  return {
    id: options.id,
    meta: {
      ...meta,
      year: y + 1,
      title: replaceYears(doc.meta.title, (n) => (n === y ? String(y + 1) : null)),
      date: '',
    },
    body,
    ignores: [],
    rules: cloneJson(doc.rules),
  };
}

/** Splits leaves so that every figure is a run of its own marked `stale: true`. */
export function markFigures(leaves: readonly TextLeaf[]): TextLeaf[] {
  const out: TextLeaf[] = [];
  const push = (leaf: TextLeaf): void => {
    if (leaf.text === '') return;
    const last = out[out.length - 1];
    if (last && Boolean(last.stale) === Boolean(leaf.stale)) last.text += leaf.text;
    else out.push(leaf.stale ? { text: leaf.text, stale: true } : { text: leaf.text });
  };
  for (const leaf of leaves) {
    if (leaf.stale) {
      push({ text: leaf.text, stale: true });
      continue;
    }
    let at = 0;
    for (const m of leaf.text.matchAll(FIGURE_PATTERN)) {
      push({ text: leaf.text.slice(at, m.index) });
      push({ text: m[0], stale: true });
      at = m.index + m[0].length;
    }
    push({ text: leaf.text.slice(at) });
  }
  return out.length > 0 ? out : [{ text: '' }];
}

/**
 * Replaces four-digit years written with 年 (2024年, 2024年度) by `map(year)`; null keeps the year. Years in a range
 * (2021—2025年, 2021-2025) or inside 《》 are kept: they name fixed periods and documents.
 */
export function replaceYears(text: string, map: (year: number) => string | null): string {
  const protectedSpans: [number, number][] = [];
  for (const m of text.matchAll(/\d{4}\s*[—–\-－~～至到]\s*\d{4}|《[^《》]*》/gu)) protectedSpans.push([m.index, m.index + m[0].length]);
  return text.replace(/(?<!\d)(\d{4})(?=\s*年)/g, (whole, digits: string, offset: number) => {
    if (protectedSpans.some(([a, b]) => offset >= a && offset < b)) return whole;
    return map(Number(digits)) ?? whole;
  });
}

/** Which blocks belong to the plans part: by the headings' `parts` tags, else by the wording of level-1 headings. */
export function planBlocks(body: readonly Block[]): boolean[] {
  const partsAt: (readonly MandatedPartId[] | undefined)[] = [undefined, undefined, undefined, undefined];
  let current: readonly MandatedPartId[] | undefined;
  return body.map((block) => {
    if (block.type === 'heading') {
      const own = block.parts ?? (block.level === 1 ? guessPartsFromWording(joinLeaves(block.children)) : undefined);
      let effective: readonly MandatedPartId[] | undefined = own;
      for (let l = block.level - 2; effective === undefined && l >= 0; l--) effective = partsAt[l];
      partsAt[block.level - 1] = effective;
      for (let l = block.level; l < partsAt.length; l++) partsAt[l] = undefined;
      current = effective;
    }
    return current?.includes('plans') ?? false;
  });
}

function guessPartsFromWording(text: string): MandatedPartId[] | undefined {
  if (/下一年度|下一步|主要安排|工作安排|工作打算|工作计划|工作思路/.test(text)) return ['plans'];
  return undefined;
}

function joinLeaves(leaves: readonly TextLeaf[]): string {
  return leaves.map((l) => l.text).join('');
}

function mapLeafTexts(body: readonly Block[], f: (text: string) => string): Block[] {
  return body.map((block) => {
    if (block.type === 'table') {
      return { ...block, children: block.children.map((row) => ({ ...row, children: row.children.map((cell) => ({ ...cell, children: cell.children.map((l) => ({ ...l, text: f(l.text) })) })) })) };
    }
    return { ...block, children: block.children.map((l) => ({ ...l, text: f(l.text) })) } as Block;
  });
}

/** A deep copy of plain JSON data (shared/ has no structuredClone in its typings). */
function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
