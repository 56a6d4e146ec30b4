// Structure (shared, pure): the mandated parts (REFERENCE.md §2) present, filled and in order; shortcomings with
// their causes; the leadership duty reported; the title's form and year; sequence markers left in the text.
import { chineseNumeral } from '../../model/numbering';
import { blockText, type MandatedPartId, type ReportDocument } from '../../model/schema';
import { parseHeadingMarker } from '../../outline/markers';
import { CORE_PART_IDS, PART_NAMES, requiredPartIds } from '../../model/parts';
import type { BlockRule, DocumentRule, RawFinding, WrittenMarkerInfo } from '../types';
import { at } from '../text';
import { BRACKET_PLACEHOLDER, partsOf, unfilledParts } from './sections';

export const partMissing: DocumentRule = {
  id: 'struct.part-missing',
  category: 'structure',
  severity: 'error',
  title: '缺少规定的报告内容',
  scope: 'document',
  check(doc) {
    if (doc.body.length === 0) {
      return [{ path: [], start: 0, end: 0, text: '', message: `报告正文为空。按规定，报告应包括：${requiredPartIds().map((id) => PART_NAMES[id]).join('、')}。` }];
    }
    const parts = partsOf(doc);
    const out: RawFinding[] = [];
    for (const id of parts.missing) {
      if (!CORE_PART_IDS.includes(id)) continue;
      out.push({ path: [], start: 0, end: 0, text: PART_NAMES[id], message: `未找到“${PART_NAMES[id]}”部分。按《法治政府建设与责任落实督察工作规定》，年度报告应包括${Y(doc.meta.year, id)}。` });
    }
    return out;
  },
};

function Y(year: number, id: MandatedPartId): string {
  switch (id) {
    case 'achievements': return `${year}年度推进法治政府建设的主要举措和成效`;
    case 'shortcomings': return `${year}年度推进法治政府建设存在的不足和原因`;
    case 'plans': return `${year + 1}年度推进法治政府建设的主要安排`;
    case 'leadership': return '党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况';
    default: return '其他需要报告的情况';
  }
}

export const leadershipMissing: DocumentRule = {
  id: 'struct.leadership',
  category: 'structure',
  severity: 'warning',
  title: '未报告党政主要负责人履行第一责任人职责情况',
  scope: 'document',
  check(doc) {
    if (doc.body.length === 0) return [];
    const parts = partsOf(doc);
    if (!parts.missing.includes('leadership')) return [];
    return [{ path: [], start: 0, end: 0, text: PART_NAMES.leadership, message: `未找到党政主要负责人履行推进法治建设第一责任人职责的情况。按规定这是年度报告的必备内容，可单列一部分，也可在“主要举措和成效”中专门写一段（如“一是切实履行推进法治建设第一责任人职责……”）。` }];
  },
};

export const partEmpty: DocumentRule = {
  id: 'struct.part-empty',
  category: 'structure',
  severity: 'error',
  title: '报告部分没有内容',
  scope: 'document',
  check(doc, view) {
    const parts = partsOf(doc);
    const out: RawFinding[] = [];
    const reported = new Set<number>();
    for (const loc of parts.locations) {
      const i = loc.path[0]!;
      const block = doc.body[i];
      if (!block || block.type !== 'heading' || reported.has(i)) continue;
      let hasText = false;
      for (let k = loc.extent.start + 1; k < loc.extent.end && !hasText; k++) {
        const b = doc.body[k]!;
        if (b.type !== 'heading') hasText = blockText(b).trim().length > 0;
      }
      if (!hasText) {
        reported.add(i);
        const unit = view.unitsOf(i)[0]!;
        out.push(at(unit, 0, unit.text.length, `“${PART_NAMES[loc.id]}”部分只有标题，没有内容。`));
      }
    }
    // A part with only template text below its heading (hints, paragraphs still holding 【…】): 未填写.
    for (const id of unfilledParts(doc)) {
      const loc = parts.primary[id];
      if (!loc || reported.has(loc.path[0]!)) continue;
      const unit = view.unitsOf(loc.path[0]!)[0];
      if (!unit) continue;
      reported.add(loc.path[0]!);
      out.push(at(unit, 0, unit.text.length, `“${PART_NAMES[id]}”部分未填写：其下只有模板的写作提示或带【】占位符的示例文字，请写入实际内容。`));
    }
    return out;
  },
};

export const partOrder: DocumentRule = {
  id: 'struct.part-order',
  category: 'structure',
  severity: 'warning',
  title: '报告各部分的顺序',
  scope: 'document',
  check(doc, view) {
    const parts = partsOf(doc);
    const first = (id: MandatedPartId): number => {
      const locs = parts.locations.filter((l) => l.id === id);
      return locs.length ? Math.min(...locs.map((l) => l.path[0]!)) : -1;
    };
    const a = first('achievements');
    const s = first('shortcomings');
    const p = first('plans');
    const out: RawFinding[] = [];
    const flag = (index: number, message: string): void => {
      const unit = view.unitsOf(index)[0];
      if (unit) out.push(at(unit, 0, Math.min(unit.text.length, 40), message));
    };
    if (a >= 0 && s >= 0 && s < a) flag(s, '“存在的不足”出现在“主要举措和成效”之前。按规定的顺序，应先写举措和成效，再写不足和原因、下一年度安排。');
    if (s >= 0 && p >= 0 && p < s) flag(p, '“下一年度主要安排”出现在“存在的不足”之前。按规定的顺序，应先写不足和原因，再写下一年度安排。');
    else if (a >= 0 && p >= 0 && p < a) flag(p, '“下一年度主要安排”出现在“主要举措和成效”之前，请调整顺序。');
    return out;
  },
};

const CAUSES = /原因|根源|究其|成因|归因|主要是由于|主要源于|深层次/;

export const shortcomingsCauses: DocumentRule = {
  id: 'struct.causes',
  category: 'structure',
  severity: 'warning',
  title: '存在的不足未分析原因',
  scope: 'document',
  check(doc, view) {
    const parts = partsOf(doc);
    const locs = parts.locations.filter((l) => l.id === 'shortcomings');
    if (locs.length === 0) return [];
    for (const loc of locs) {
      for (let k = loc.extent.start; k < loc.extent.end; k++) {
        if (view.memo(k, 'struct.causes', (us) => us.some((u) => CAUSES.test(u.text)))) return [];
      }
    }
    const loc = parts.primary.shortcomings ?? locs[0]!;
    const index = loc.path[0]!;
    const unit = view.unitsOf(index)[0];
    if (!unit) return [];
    const start = loc.range?.start ?? 0;
    const end = loc.range?.end ?? unit.text.length;
    return [at(unit, start, Math.min(end, start + 60), '“存在的不足”只列了问题，没有分析原因。按规定，报告应写明不足及其原因（如思想认识、制度机制、能力队伍、保障投入等方面）。')];
  },
};

// ----- 成文日期, 署名, 主送机关 --------------------------------------------------------------------------------------

/** A joint report of the Party committee and the government (中共X县委 X县人民政府): it may have no 主送机关. */
function isJointReport(doc: ReportDocument): boolean {
  const who = `${doc.meta.organ} ${doc.meta.signature} ${doc.meta.title}`;
  return /中共|党委|[省市县区]委(?!员)/.test(who) && /人民政府|政府/.test(who);
}

/**
 * A government's own report (X县人民政府, X区, X镇 — the organ a place, not a department): it goes to several bodies at
 * once (本级党委、人大常委会, the level above), and its published copy usually names none of them.
 */
function isGovernmentReport(doc: ReportDocument): boolean {
  if (doc.meta.templateId === 'department') return false;
  const organ = (doc.meta.organ || doc.meta.signature).trim();
  if (organ) return /(?:人民政府|政府)$/.test(organ) || /^[\u4e00-\u9fa5]{1,12}(?:省|市|区|县|旗|州|盟|乡|镇|街道)$/.test(organ);
  // No organ named: the first sentence's subject says who reports (`2024年，市政府坚持…`, `全县坚持…`).
  const first = doc.body.find((b) => b.type === 'paragraph');
  return first !== undefined && GOVERNMENT_SUBJECT.test(blockText(first).split(/[。！？]/)[0] ?? '');
}
const GOVERNMENT_SUBJECT = /(?:^|[，,])\s*(?:[省市县区乡镇](?:人民)?政府|[全我][省市县区乡镇])(?=坚持|认真|深入|全面|始终|紧紧|围绕|以|聚焦|扎实)/;

export const metaFields: DocumentRule = {
  id: 'struct.meta',
  category: 'structure',
  severity: 'warning',
  title: '成文日期、署名、主送机关',
  scope: 'document',
  check(doc) {
    if (doc.body.length === 0) return [];
    const out: RawFinding[] = [];
    const { date, signature, addressee, organ } = doc.meta;
    const meta = (text: string, message: string, severity?: 'error'): void => {
      out.push({ path: [], start: 0, end: 0, text, message, ...(severity ? { severity } : {}) });
    };
    if (!date) meta('成文日期', '报告没有成文日期。成文日期是报送期限的依据，请在“报告信息”中填写（如“2025年2月20日”）。', 'error');
    if (!signature.trim() && !organ.trim()) meta('署名', '报告没有署名（发文机关名称）。请在“报告信息”中填写机关名称。');
    if (!addressee.trim() && isGovernmentReport(doc) && !isJointReport(doc)) {
      out.push({ path: [], start: 0, end: 0, text: '主送机关', severity: 'info', message: '报告没有主送机关。政府的年度报告报送本级党委、人大常委会（乡镇报县级党委和政府），公开发布的文本常不写；报送的文本请在“报告信息”中填写。' });
    } else if (!addressee.trim() && !isJointReport(doc)) {
      meta('主送机关', '报告没有主送机关。部门的报告一般主送本级人民政府（或党委、政府），请在“报告信息”中填写。');
    }
    for (const [label, value] of [['主送机关', addressee], ['署名', signature], ['机关名称', organ]] as const) {
      const m = BRACKET_PLACEHOLDER.exec(value);
      if (m) meta(`${label}${m[0]}`, `${label}中的占位符“${m[0]}”尚未填写，请在“报告信息”中改为实际名称。`, 'error');
    }
    return out;
  },
};

// ----- the title -----------------------------------------------------------------------------------------------------

// A space before 年 (`2025 年度`) is a number-spacing slip (num.space), not a title without a year.
const TITLE_YEAR = /((?:19|20)\d{2})\s*年/;

export const titleForm: DocumentRule = {
  id: 'struct.title',
  category: 'structure',
  severity: 'warning',
  title: '标题的写法与年度',
  scope: 'document',
  check(doc) {
    const title = doc.meta.title;
    const t = title.trim();
    const out: RawFinding[] = [];
    const onTitle = (start: number, end: number, message: string, fix?: string, severity?: 'error' | 'warning' | 'info'): void => {
      const f: RawFinding = { path: [], start, end, text: title.slice(start, end), message, onTitle: true };
      if (fix !== undefined) f.fix = fix;
      if (severity) f.severity = severity;
      out.push(f);
    };
    if (t.length === 0) {
      onTitle(0, 0, `报告没有标题。标题一般写作“机关名称+关于${doc.meta.year}年度法治政府建设情况的报告”。`, undefined, 'error');
      return out;
    }
    const ym = TITLE_YEAR.exec(title);
    if (!ym) {
      onTitle(0, title.length, `标题中没有写明报告年度（${doc.meta.year}年度）。`);
    } else if (Number(ym[1]) !== doc.meta.year) {
      onTitle(ym.index, ym.index + ym[0].length, `标题中的年份“${ym[1]}年”与报告年度（${doc.meta.year}年）不一致。`, undefined, 'error');
    }
    if (!/报告$/.test(t)) {
      onTitle(0, title.length, '标题应以“报告”结尾，如“××关于2024年度法治政府建设情况的报告”。');
      return out;
    }
    if (/^关于/.test(t)) onTitle(0, 2, '标题缺少发文机关名称，应写作“机关名称+关于……的报告”。');
    if (/关于/.test(t)) {
      const genre = /(法治政府建设)(?:工作)?(?:年度)?报告$/.exec(title);
      if (genre && !/的报告$/.test(t)) {
        onTitle(genre.index, genre.index + genre[0].length, '“关于……”式标题应以“……情况的报告”结尾，如“关于2024年度法治政府建设情况的报告”。', `${genre[1]}情况的报告`);
      } else if (!/的报告$/.test(t)) {
        const end = title.lastIndexOf('报告');
        onTitle(end, end + 2, '“关于……”式标题应以“的报告”结尾。');
      }
    }
    return out;
  },
};

// ----- sequence markers in the text ------------------------------------------------------------------------------

export const markerInText: BlockRule = {
  id: 'struct.marker',
  category: 'structure',
  severity: 'error',
  title: '标题序号写法',
  scope: 'block',
  check(unit) {
    if (unit.kind === 'cell') return [];
    const m = parseHeadingMarker(unit.text);
    if (!m) return [];
    if (unit.kind === 'heading') {
      // The marker is derived from the structure: one typed into the heading text prints twice.
      return [at(unit, m.start, m.end, `标题文字里写了序号“${m.marker}”，而序号会按结构自动生成，导出时将重复。应删去。`, '')];
    }
    if (m.malformed) return [at(unit, m.start, m.start + m.marker.length, `序号“${m.marker}”写法不规范：${m.malformed}。`, m.standard)];
    return [];
  },
};

/** A heading on its own line ends without a full stop; a run-in heading (printed with its paragraph) keeps it. */
export const headingStop: BlockRule = {
  id: 'struct.heading-stop',
  category: 'structure',
  severity: 'info',
  title: '独立成行的标题末尾不加句号',
  scope: 'block',
  // The title (meta.title) is judged by struct.title.
  appliesToTitle: false,
  check(unit) {
    if (unit.kind !== 'heading' || unit.runIn) return [];
    const m = /[。；，,;.]$/.exec(unit.text);
    if (!m) return [];
    return [at(unit, m.index, m.index + 1, `独立成行的标题末尾一般不加标点，可删去“${m[0]}”；若标题与正文连排（如“（一）标题。正文……”），请设为“连排标题”。`, '')];
  },
};

const WRITTEN_FORM: Record<1 | 2 | 3 | 4, (n: number) => string> = {
  1: (n) => `${chineseNumeral(n)}、`,
  2: (n) => `（${chineseNumeral(n)}）`,
  3: (n) => `${n}.`,
  4: (n) => `（${n}）`,
};

/**
 * Findings for the markers of an imported document, one per slip: a malformed form, or a number that does not follow
 * the number written before it at that level (（一）（三）（四） is one gap, before （三）). The sequence is judged on the
 * numbers as written, restarting under each higher heading; the importer only reports what it changed.
 */
export function writtenMarkerFindings(markers: readonly WrittenMarkerInfo[]): RawFinding[] {
  const out: RawFinding[] = [];
  const last: Record<number, number> = { 1: 0, 2: 0, 3: 0, 4: 0 };
  for (const m of markers) {
    for (let l = m.level + 1; l <= 4; l++) last[l] = 0;
    const expected = last[m.level]! + 1;
    last[m.level] = m.number;
    if (m.malformed) {
      out.push({ path: m.path, start: 0, end: 0, text: '', message: `原文序号“${m.written}”写法不规范：${m.malformed}。导入后按结构显示为“${m.derived}”。` });
    } else if (m.number !== expected) {
      const should = WRITTEN_FORM[m.level](expected);
      const what = m.number > expected ? `前面缺少“${should}”` : `与前面的序号重复或倒序`;
      out.push({ path: m.path, start: 0, end: 0, text: '', message: `原文序号“${m.written}”不连续：按顺序此处应为“${should}”，${what}。请核对是否漏了或多了一节；导入后按结构显示为“${m.derived}”。` });
    }
  }
  return out;
}

/** Findings about an imported document's own markers; silent for documents not just imported. */
export const sourceMarker: DocumentRule = {
  id: 'struct.source-marker',
  category: 'structure',
  severity: 'warning',
  title: '原文标题序号不规范或不连续',
  scope: 'document',
  check: (_doc, view) => (view.writtenMarkers ? writtenMarkerFindings(view.writtenMarkers) : []),
};

export const STRUCTURE_BLOCK_RULES = [markerInText, headingStop];
export const STRUCTURE_DOCUMENT_RULES = [metaFields, partMissing, leadershipMissing, partEmpty, partOrder, shortcomingsCauses, titleForm, sourceMarker];
