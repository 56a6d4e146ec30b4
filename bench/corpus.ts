// Benchmark corpus (bench, Node): deterministic reports of about 5,000, 20,000 and 50,000 body characters, assembled
// from the two real published reports in ../shared/fixtures/reports. Every sentence is a real one; the structure is
// the real outline (preamble, 成效 with its sections, 不足, 安排). Longer reports repeat the 成效 sections in a fixed
// order; their sequence numbers are derived from the structure, so each repeat is numbered on from the last.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importText } from '../shared/import/text';
import { countBody } from '../shared/editor/counts';
import { sequenceMarkers } from '../shared/model/numbering';
import { blockText, type Block, type HeadingElement, type ReportDocument } from '../shared/model/schema';

export const REPO_ROOT = resolve(__dirname, '..');
/** The fixtures live beside the repository (`../shared/fixtures` from its root), in CI's clone as here. */
export const FIXTURES_DIR = resolve(REPO_ROOT, '..', 'shared', 'fixtures', 'reports');
export const FIXTURE_FILES = ['jianghai-2025-webpage.txt', 'yangjiang-2024-webpage.txt'] as const;

export const CORPUS_SIZES = [5_000, 20_000, 50_000] as const;

/** A short label for a size: 5k, 20k, 50k. */
export function sizeLabel(size: number): string {
  return `${Math.round(size / 1000)}k`;
}

export interface Fixtures {
  /** 江海区政务服务和数据管理局 2025: the skeleton (its meta, preamble, 不足 and 安排). */
  primary: ReportDocument;
  /** 阳江市政务服务和数据管理局 2024: more 成效 sections, and its 不足/安排 paragraphs. */
  secondary: ReportDocument;
}

export function readFixtureTexts(dir: string = FIXTURES_DIR): string[] {
  return FIXTURE_FILES.map((f) => readFileSync(join(dir, f), 'utf8'));
}

export function loadFixtures(dir: string = FIXTURES_DIR): Fixtures {
  const [a, b] = readFixtureTexts(dir);
  return {
    primary: importText(a!, { id: 'fixture-jianghai', fileName: FIXTURE_FILES[0] }).doc,
    secondary: importText(b!, { id: 'fixture-yangjiang', fileName: FIXTURE_FILES[1] }).doc,
  };
}

interface Part {
  heading: HeadingElement | null;
  blocks: Block[];
}

/** The preamble (heading null) and the level-1 parts of a body. */
function levelOneParts(body: readonly Block[]): Part[] {
  const parts: Part[] = [{ heading: null, blocks: [] }];
  for (const b of body) {
    if (b.type === 'heading' && b.level === 1) parts.push({ heading: b, blocks: [] });
    else parts[parts.length - 1]!.blocks.push(b);
  }
  return parts;
}

/** Splits a part's blocks at its level-2 headings: the blocks before the first one, then one run per section. */
function levelTwoSections(blocks: readonly Block[]): { intro: Block[]; sections: Block[][] } {
  const intro: Block[] = [];
  const sections: Block[][] = [];
  for (const b of blocks) {
    if (b.type === 'heading' && b.level <= 2) sections.push([b]);
    else if (sections.length) sections[sections.length - 1]!.push(b);
    else intro.push(b);
  }
  return { intro, sections };
}

const isTagged = (h: HeadingElement | null, id: 'shortcomings' | 'plans' | 'leadership') => !!h?.parts?.includes(id);

/** The 成效 sections of a report, each a level-2 heading with what follows it; a level-1 part without sub-headings
 *  becomes one section of its own (its heading moved down one level). */
function achievementSections(doc: ReportDocument): Block[][] {
  const out: Block[][] = [];
  for (const part of levelOneParts(doc.body)) {
    if (!part.heading || isTagged(part.heading, 'shortcomings') || isTagged(part.heading, 'plans') || isTagged(part.heading, 'leadership')) continue;
    const { intro, sections } = levelTwoSections(part.blocks);
    if (sections.length === 0) {
      out.push([{ ...part.heading, level: 2 }, ...intro]);
    } else {
      out.push(...sections);
    }
  }
  return out.map((s) => s.map(stripParts));
}

function stripParts(b: Block): Block {
  if (b.type !== 'heading' || !b.parts) return b;
  const { parts: _parts, ...rest } = b;
  return rest;
}

/** Real sentences of a paragraph, each with its closing mark (the last one may have none). */
export function sentences(text: string): string[] {
  return text.match(/[^。；！？]+[。；！？]?[”’）]?|[。；！？]+/g) ?? [];
}

/** A deep copy, so that no two blocks of a corpus share an object (the checker and Slate key caches by object). */
function clone(b: Block): Block {
  return structuredClone(b);
}

function bodyChars(body: readonly Block[]): number {
  return countBody(body).total;
}

/**
 * A report of about `targetChars` body characters (whitespace not counted, as the editor counts): the primary
 * report's preamble and 成效 heading, 成效 sections from both reports in a fixed order (repeated as needed, the last
 * one cut after the sentence that reaches the size), then the 不足 and 安排 parts of both. Pure and deterministic.
 */
export function buildReport(targetChars: number, fixtures: Fixtures = loadFixtures()): ReportDocument {
  const pParts = levelOneParts(fixtures.primary.body);
  const sParts = levelOneParts(fixtures.secondary.body);
  const preamble = pParts[0]!.blocks;
  const achievementsHeading = pParts.find((p) => p.heading?.parts?.includes('achievements'))?.heading;
  const shortcomings = pParts.find((p) => isTagged(p.heading, 'shortcomings'));
  const plans = pParts.find((p) => isTagged(p.heading, 'plans') && !isTagged(p.heading, 'shortcomings'));
  // The secondary report states 不足 and 安排 in one combined part: its first paragraph is the shortcomings, the rest plans.
  const combined = sParts.find((p) => isTagged(p.heading, 'shortcomings') && isTagged(p.heading, 'plans'));
  if (!achievementsHeading || !shortcomings?.heading || !plans?.heading || !combined) {
    throw new Error('基准语料：样例报告的结构与预期不符（缺少成效、不足或安排部分）。');
  }
  const secondaryShortcoming = combined.blocks.slice(0, 1);
  const secondaryPlans = combined.blocks.slice(1);

  const head: Block[] = [...preamble, achievementsHeading];
  const tail: Block[] = [shortcomings.heading, ...secondaryShortcoming, ...shortcomings.blocks, plans.heading, ...secondaryPlans, ...plans.blocks];
  const pool = [...achievementSections(fixtures.primary), ...achievementSections(fixtures.secondary)];
  const fixed = bodyChars(head) + bodyChars(tail);
  if (targetChars <= fixed) throw new Error(`基准语料：目标字数${targetChars}小于报告框架的${fixed}字。`);

  const middle: Block[] = [];
  let chars = fixed;
  const budget = (b: Block) => bodyChars([b]);
  outer: for (let k = 0; ; k++) {
    const section = pool[k % pool.length]!;
    const size = bodyChars(section);
    if (chars + size <= targetChars) {
      middle.push(...section);
      chars += size;
      if (chars === targetChars) break;
      continue;
    }
    // The last section: its blocks in order, paragraphs sentence by sentence, until the size is reached.
    for (const block of section) {
      if (block.type !== 'paragraph') {
        middle.push(block);
        chars += budget(block);
        continue;
      }
      let text = '';
      for (const s of sentences(blockText(block))) {
        text += s;
        chars += bodyChars([{ type: 'paragraph', children: [{ text: s }] }]);
        if (chars >= targetChars) break;
      }
      middle.push({ type: 'paragraph', children: [{ text }] });
      if (chars >= targetChars) break outer;
    }
  }
  const body = [...head, ...middle, ...tail].map(clone);
  // A run-in heading left without its paragraph (cannot happen with the fixtures, but the body must stay valid).
  const last = middle[middle.length - 1];
  if (last?.type === 'heading' && last.runIn) throw new Error('基准语料：末节以并列标题结束。');
  const meta = fixtures.primary.meta;
  return {
    id: `bench-${sizeLabel(targetChars)}`,
    meta: { ...meta, attachments: meta.attachments ? [...meta.attachments] : undefined },
    body,
    ignores: [],
    rules: structuredClone(fixtures.primary.rules),
  };
}

/** The report as plain text, as an officer would paste it: title, numbered headings (a run-in heading on its
 *  paragraph's line), paragraphs, signature and date. Input for the text importer and for zhlint. */
export function reportText(doc: ReportDocument): string {
  const markers = sequenceMarkers(doc.body);
  const lines: string[] = [doc.meta.title, ''];
  for (let i = 0; i < doc.body.length; i++) {
    const b = doc.body[i]!;
    if (b.type === 'heading' && b.runIn && doc.body[i + 1]?.type === 'paragraph') {
      lines.push(`　　${markers[i]}${blockText(b)}${blockText(doc.body[i + 1]!)}`);
      i++;
    } else {
      lines.push(`　　${markers[i]}${blockText(b)}`);
    }
  }
  lines.push('', doc.meta.signature);
  if (doc.meta.date) {
    const [y, m, d] = doc.meta.date.split('-').map(Number);
    lines.push(`${y}年${m}月${d}日`);
  }
  return lines.join('\n') + '\n';
}

/** The body alone as Markdown paragraphs (blank-line separated), the form zhlint reads. */
export function reportMarkdown(doc: ReportDocument): string {
  const markers = sequenceMarkers(doc.body);
  return doc.body.map((b, i) => `${markers[i]}${blockText(b)}`).join('\n\n') + '\n';
}

export function reportChars(doc: ReportDocument): number {
  return bodyChars(doc.body);
}
