// Importing published reports from text. The expected outlines of the two real fixtures were written by reading
// the fixtures by hand; the words of the report must come through exactly, defects and all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SEED, fuzzRuns } from '../setup/fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../shared/check/engine';
import { importText, structureParagraphs } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { sequenceMarkers } from '../../shared/model/numbering';
import { ReportDocument, blockText, type Block, type HeadingElement } from '../../shared/model/schema';
import { JIANGHAI_HEADINGS } from './helpers/fixtureOutlines';

const REPORTS = join(__dirname, '../../../shared/fixtures/reports');
const OWN = join(__dirname, '../fixtures/import');
const jianghaiText = readFileSync(join(REPORTS, 'jianghai-2025-webpage.txt'), 'utf8');
const yangjiangText = readFileSync(join(REPORTS, 'yangjiang-2024-webpage.txt'), 'utf8');
const own = (name: string): string => readFileSync(join(OWN, name), 'utf8');

type H = [level: number, text: string];
const headings = (body: Block[], maxLevel = 4): H[] =>
  body.filter((b): b is HeadingElement => b.type === 'heading' && b.level <= maxLevel).map((b) => [b.level, blockText(b)]);
const findHeading = (body: Block[], text: string): HeadingElement => {
  const h = body.find((b): b is HeadingElement => b.type === 'heading' && blockText(b) === text);
  if (!h) throw new Error(`no heading ${text}`);
  return h;
};
const allText = (body: Block[]): string => body.map(blockText).join('\n');

/** The report's own lines of a fixture (1-based, inclusive), as written, for the exact-words comparison. */
function sourceLines(text: string, from: number, to: number): string[] {
  return text.split('\n').slice(from - 1, to).map((l) => l.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '')).filter((l) => l.length > 0);
}
/** Strips a leading sequence marker as written in these fixtures (`一、` `(一)` `1.`). */
const stripMarker = (line: string): string => line.replace(/^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/, '');
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('the jianghai fixture (web page, one-line title, 更新时间 only)', () => {
  const { doc, notes } = importText(jianghaiText, { id: 'jianghai' });

  it('finds the title, organ, year and date', () => {
    expect(doc.meta.title).toBe('江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告');
    expect(doc.meta.organ).toBe('江海区政务服务和数据管理局');
    expect(doc.meta.year).toBe(2025);
    expect(doc.meta.date).toBe('2025-11-20');
    expect(doc.meta.signature).toBe('江海区政务服务和数据管理局');
    expect(doc.meta.addressee).toBe('');
    expect(notes.some((n) => n.message.includes('更新时间') && n.message.includes('2025-11-20'))).toBe(true);
  });

  it('has every level-1 and level-2 heading, in order, without markers', () => {
    expect(headings(doc.body, 2)).toEqual(JIANGHAI_HEADINGS);
  });

  it('has the level-3 run-in headings under 一(二) and 一(三)', () => {
    expect(headings(doc.body).filter(([l]) => l === 3).map(([, t]) => t)).toEqual([
      '深化政府放权改革。', '优化政务服务流程。', '提升政府服务体验。', '强化政务热线效能。',
      '保障数据规范流转。', '推动数据合规应用。', '强化基层智慧治理能力。', '建设法治化AI政策助手。', '提升行政执法数字化水平。', '扎实做好网络安全建设。',
    ]);
    const h = findHeading(doc.body, '深化政府放权改革。');
    expect(h.runIn).toBe(true);
    const next = doc.body[doc.body.indexOf(h) + 1]!;
    expect(next.type).toBe('paragraph');
    expect(blockText(next).startsWith('一是实施行政许可事项清单化管理,牵头组织区有关部门梳理区行政许可事项清单共255项')).toBe(true);
    // A heading alone on its line is not run-in.
    expect(findHeading(doc.body, '深入践行习近平法治思想,坚持高标准推进法治政府建设').runIn).toBeUndefined();
  });

  it('tags the parts its headings name', () => {
    expect(findHeading(doc.body, '2025年推进法治政府建设的主要举措及成效').parts).toEqual(['achievements']);
    expect(findHeading(doc.body, '2025年推进法治政府建设存在的不足').parts).toEqual(['shortcomings']);
    expect(findHeading(doc.body, '2026年度推进法治政府建设的主要安排').parts).toEqual(['plans']);
    expect(findHeading(doc.body, '深入践行习近平法治思想,坚持高标准推进法治政府建设').parts).toBeUndefined();
  });

  it('starts with the introduction and drops every piece of page chrome', () => {
    expect(blockText(doc.body[0]!).startsWith('2025年,江海区政务和数据局坚持以习近平新时代中国特色社会主义思想为指导')).toBe(true);
    const text = allText(doc.body);
    for (const chrome of ['微信', '手机版', '文章来源', '浏览数', '字体大小', '打印本页', '保护视力色', '分享到', '站内地图', '版权所有', 'ICP', '网站标识码', '0750-12345']) {
      expect(text).not.toContain(chrome);
    }
    expect(notes[0]!.message).toContain('14 行');
  });

  it('keeps every word and mark of the report exactly as written', () => {
    const source = sourceLines(jianghaiText, 21, 67).map(stripMarker);
    expect(squash(allText(doc.body))).toBe(squash(source.join('')));
    // Genuine defects stay for the checker to report.
    expect(allText(doc.body)).toContain('带头尊法学法守法用法,,组织局领导班子');
    expect(allText(doc.body)).toContain('二开展政务网站、新媒体安全检测');
    expect(allText(doc.body)).toContain('《法治政府建设实施纲要(2021-2025年)》');
    // 一是…二是… stays inside its paragraph.
    expect(doc.body.some((b) => b.type === 'paragraph' && /^一是切实履行法治建设第一责任人职责。.*二是持续加强干部职工的法治宣传教育/.test(blockText(b)))).toBe(true);
  });

  it('notes the half-width brackets of its markers', () => {
    expect(notes.some((n) => n.message.includes('半角括号') && n.message.includes('(一)'))).toBe(true);
    expect(notes.some((n) => n.message.includes('不连续'))).toBe(false);
  });

  it('survives a round trip through .fzbg', () => {
    const again = parseDocument(serializeDocument(doc));
    expect(again).toEqual(doc);
    expect(() => ReportDocument.parse(doc)).not.toThrow();
  });

  it('reads the same with Windows line endings, a BOM and NBSP indents', () => {
    const crlf = importText('\ufeff' + jianghaiText.replace(/\n/g, '\r\n'), { id: 'jianghai' });
    expect(crlf.doc).toEqual(doc);
  });
});

describe('the yangjiang fixture (title over two lines, 成文日期 in the info block, a combined last part)', () => {
  const { doc, notes } = importText(yangjiangText, { id: 'yangjiang' });

  it('finds the title, organ, year and date', () => {
    expect(doc.meta.title).toBe('阳江市政务服务和数据管理局2024年法治政府建设年度报告');
    expect(doc.meta.organ).toBe('阳江市政务服务和数据管理局');
    expect(doc.meta.year).toBe(2024);
    expect(doc.meta.date).toBe('2025-01-13');
    expect(notes.some((n) => n.message.includes('成文日期'))).toBe(false);
  });

  it('has every level-1 and level-2 heading, in order', () => {
    expect(headings(doc.body, 2)).toEqual([
      [1, '坚持以习近平法治思想为统领,牢牢把握法治政府建设的正确方向'],
      [1, '建设坚持以人民为中心的数字政府,不断提升法治政府的服务水平'],
      [2, '完善政务信息化基础设施建设,优化公共支撑平台服务能力'],
      [2, '深化政务服务“一网通办”,持续优化营商环境'],
      [2, '推进“一网统管”建设,构建全市统一的市域一网统管数字基座能力'],
      [2, '强化政府运行“一网协同”,提升协同治理效能'],
      [2, '健全一体化安全保障体系,强化网络安全保障能力'],
      [2, '坚持实体经济为本、制造业当家,赋能“百县千镇万村高质量发展工程”'],
      [2, '优化完善制度保障,加快推进全市数字政府基础能力提升'],
      [1, '坚持问题导向,靶向发力推动法治政府建设走深走实'],
      [2, '持续提升依法行政水平。'],
      [2, '持续深化“数字政府2.0”建设。'],
    ]);
  });

  it('keeps stand-alone level-3 headings apart from run-in ones', () => {
    const standalone = findHeading(doc.body, '推进“百千万工程”信息综合平台建设');
    expect(standalone.level).toBe(3);
    expect(standalone.runIn).toBeUndefined();
    const runIn = findHeading(doc.body, '提高政治站位,强化思想认识。');
    expect(runIn.runIn).toBe(true);
    expect(blockText(doc.body[doc.body.indexOf(runIn) + 1]!).startsWith('八届市政府第95次常务会议')).toBe(true);
  });

  it('tags the combined part with the shortcomings and the plans, and no thematic part', () => {
    expect(findHeading(doc.body, '坚持问题导向,靶向发力推动法治政府建设走深走实').parts).toEqual(['shortcomings', 'plans']);
    expect(findHeading(doc.body, '坚持以习近平法治思想为统领,牢牢把握法治政府建设的正确方向').parts).toBeUndefined();
    expect(findHeading(doc.body, '建设坚持以人民为中心的数字政府,不断提升法治政府的服务水平').parts).toBeUndefined();
  });

  it('drops the info block and widgets, keeping the words exactly', () => {
    const text = allText(doc.body);
    for (const chrome of ['政府信息公开', '索引号', '发布机构', '成文日期', '主题词', '【打印】', '浏览次数', '11441700MB2C912265']) {
      expect(text).not.toContain(chrome);
    }
    const source = sourceLines(yangjiangText, 18, 84).map(stripMarker);
    expect(squash(allText(doc.body))).toBe(squash(source.join('')));
    expect(text).toContain('政务网络政务网络');
    expect(text).toContain('赴赴');
  });

  it('survives a round trip through .fzbg', () => {
    expect(parseDocument(serializeDocument(doc))).toEqual(doc);
  });
});

describe('own fixtures', () => {
  it('a report with all five parts in the order of the rule, addressee, signature and 附注', () => {
    const { doc, notes } = importText(own('five-parts.txt'), { id: 'five' });
    expect(doc.meta).toEqual({
      organ: '清溪县司法局',
      year: 2024,
      title: '清溪县司法局关于2024年度法治政府建设情况的报告',
      addressee: '县人民政府',
      date: '2025-02-20',
      signature: '清溪县司法局',
      notation: '此件公开发布',
    });
    expect(headings(doc.body, 1)).toEqual([
      [1, '2024年度推进法治政府建设的主要举措和成效'],
      [1, '存在的不足和原因'],
      [1, '党政主要负责人履行推进法治建设第一责任人职责情况'],
      [1, '2025年度推进法治政府建设的主要安排'],
      [1, '其他需要报告的情况'],
    ]);
    const tags = doc.body.filter((b): b is HeadingElement => b.type === 'heading' && b.level === 1).map((h) => h.parts);
    expect(tags).toEqual([['achievements'], ['shortcomings'], ['leadership'], ['plans'], ['other']]);
    // Full-width-space indents are gone; the text is untouched.
    expect(blockText(doc.body[0]!)).toBe('2024年，县司法局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面落实《法治政府建设实施纲要（2021—2025年）》，各项工作取得新进展。现将有关情况报告如下。');
    // The signature, date and 附注 are not body text.
    const text = allText(doc.body);
    expect(text).not.toContain('2025年2月20日');
    expect(text).not.toContain('此件公开发布');
    expect(blockText(doc.body[doc.body.length - 1]!)).toBe('无。');
    // The 附注 is kept in the meta (exported below the date), no longer reported as left out.
    expect(notes.some((n) => n.message.includes('此件公开发布'))).toBe(false);
  });

  it('a thematic report from a web page: breadcrumb, info line, widgets and footer dropped', () => {
    const { doc } = importText(own('thematic.txt'), { id: 'thematic' });
    expect(doc.meta.title).toBe('白鹭市人民政府关于2024年度法治政府建设情况的报告');
    expect(doc.meta.organ).toBe('白鹭市人民政府');
    expect(doc.meta.date).toBe('2025-03-25');
    expect(headings(doc.body, 2)).toEqual([
      [1, '加强党对法治政府建设的领导'],
      [1, '依法全面履行政府职能'],
      [2, '深化“放管服”改革。'],
      [2, '优化法治化营商环境。'],
      [1, '健全依法行政制度体系'],
      [1, '严格规范公正文明执法'],
      [1, '存在的问题和下一步工作打算'],
      [2, '存在的问题'],
      [2, '下一步工作打算'],
    ]);
    expect(findHeading(doc.body, '加强党对法治政府建设的领导').parts).toEqual(['leadership']);
    expect(findHeading(doc.body, '存在的问题和下一步工作打算').parts).toEqual(['shortcomings', 'plans']);
    expect(findHeading(doc.body, '依法全面履行政府职能').parts).toBeUndefined();
    const text = allText(doc.body);
    for (const chrome of ['当前位置', '发布时间', '浏览次数', '【打印】', '网站地图', 'ICP', '白鹭市人民政府\n2025年3月25日']) expect(text).not.toContain(chrome);
    expect(blockText(doc.body[doc.body.length - 1]!)).toBe('2025年，市政府将继续深入学习贯彻习近平法治思想，全面完成法治政府建设实施纲要确定的各项任务。');
  });

  it('a report with run-in headings, a two-line title, a malformed and a skipped marker and a wrapped line', () => {
    const { doc, notes, markers } = importText(own('run-in.txt'), { id: 'runin' });
    expect(doc.meta.title).toBe('枫林区住房和城乡建设局关于2024年度法治政府建设情况的报告');
    expect(doc.meta.organ).toBe('枫林区住房和城乡建设局');
    expect(doc.meta.year).toBe(2024);
    expect(doc.meta.date).toBe('');
    expect(doc.body.map((b) => (b.type === 'heading' ? `H${b.level}${b.runIn ? '+' : ''} ${blockText(b)}` : `P ${blockText(b)}`))).toEqual([
      'P 2024年，我局在区委、区政府的正确领导下，认真落实法治政府建设各项任务，现将有关情况报告如下：',
      'H1 2024年推进法治政府建设的主要举措和成效',
      'H2+ 强化组织领导。',
      'P 局党组书记切实履行推进法治建设第一责任人职责，年内召开党组会议专题研究法治工作3次。一是制定年度法治工作要点；二是落实领导干部学法制度，全年集中学法8次。',
      'H2 规范行政执法。',
      'H3+ 完善执法制度。',
      'P 修订《行政处罚自由裁量权基准》，细化裁量情形126项。',
      'H3+ 加强执法监督。',
      'P 全年评查执法案卷58宗，整改问题案卷3宗。',
      'H4+ 开展专项检查。',
      'P 对全区在建工地开展安全生产检查,发现隐患212处,已整改209处。',
      'H4+ 强化执法培训。',
      'P 组织执法人员培训4期，参训186人次。',
      'H1 2024年推进法治政府建设存在的不足',
      'P 一是执法人员业务能力参差不齐。二是部分执法文书制作不够规范。',
      'H1 2025年推进法治政府建设的主要安排',
      'H2+ 加强执法队伍建设。',
      'P 组织执法人员开展业务培训，全年不少于4期，提升执法人员的综合素质和依法行政能力，切实做到严格规范公正文明执法。',
      'H2+ 深化普法宣传。',
      'P 落实“谁执法谁普法”责任制。',
    ]);
    // The structure derives the printed numbers; what the source wrote is reported, not silently fixed.
    expect(sequenceMarkers(doc.body).filter(Boolean).slice(0, 8)).toEqual(['一、', '（一）', '（二）', '1.', '2.', '（1）', '（2）', '二、']);
    expect(markers.find((m) => m.written === '1、')).toMatchObject({ level: 3, derived: '1.' });
    expect(markers.find((m) => m.written === '（三）')).toMatchObject({ level: 2, number: 3, derived: '（二）' });
    // The slips in the source's markers are judged once, by the checker, from the importer's record of them; the
    // importer's notes do not judge them a second time.
    const importNotes = notes.map((n) => n.message).join('\n');
    expect(importNotes).not.toContain('1、');
    expect(importNotes).not.toContain('（三）');
    const sourceMarkerFindings = createChecker().check(doc, { writtenMarkers: markers }).findings.filter((f) => f.rule === 'struct.source-marker');
    expect(sourceMarkerFindings.map((f) => f.message).join('\n')).toContain('1、');
    expect(sourceMarkerFindings.map((f) => f.message).join('\n')).toContain('（三）');
    expect(sourceMarkerFindings).toHaveLength(2);
    expect(notes.some((n) => n.message.includes('换行拆开'))).toBe(true);
    expect(notes.some((n) => n.message.includes('成文日期'))).toBe(true);
    expect(parseDocument(serializeDocument(doc))).toEqual(doc);
  });
});

describe('structureParagraphs (also used by the Word import)', () => {
  it('turns markers into structure, splits run-in headings and keeps 一是… in paragraphs', () => {
    const { blocks, notes } = structureParagraphs([
      '\u3000\u3000一、主要举措和成效',
      '\u00a0\u00a0（一）健全依法决策机制。全年审核重大行政决策事项5件。',
      '一是完善制度；二是加强审核。',
      '1．规范性文件管理',
      '（1）备案审查。报备规范性文件12件，报备率100%。',
    ]);
    expect(blocks).toEqual([
      { type: 'heading', level: 1, children: [{ text: '主要举措和成效' }] },
      { type: 'heading', level: 2, runIn: true, children: [{ text: '健全依法决策机制。' }] },
      { type: 'paragraph', children: [{ text: '全年审核重大行政决策事项5件。' }] },
      { type: 'paragraph', children: [{ text: '一是完善制度；二是加强审核。' }] },
      { type: 'heading', level: 3, children: [{ text: '规范性文件管理' }] },
      { type: 'heading', level: 4, runIn: true, children: [{ text: '备案审查。' }] },
      { type: 'paragraph', children: [{ text: '报备规范性文件12件，报备率100%。' }] },
    ]);
    expect(notes).toEqual([]);
  });

  it('does not split inside quotes or brackets, and keeps a long numbered sentence a paragraph', () => {
    const { blocks } = structureParagraphs([
      '（一）开展“减证便民。”专项行动。全年取消证明材料12项。',
      '1.全年共办理行政复议案件15件，其中维持9件、撤销2件、确认违法1件、驳回申请2件、终止1件，纠错率20%，较上年下降3个百分点。',
    ]);
    expect(blocks[0]).toEqual({ type: 'heading', level: 2, runIn: true, children: [{ text: '开展“减证便民。”专项行动。' }] });
    expect(blockText(blocks[1]!)).toBe('全年取消证明材料12项。');
    expect(blocks[2]).toEqual({ type: 'paragraph', children: [{ text: '1.全年共办理行政复议案件15件，其中维持9件、撤销2件、确认违法1件、驳回申请2件、终止1件，纠错率20%，较上年下降3个百分点。' }] });
  });

  it('takes a short lead-in closed by a colon for a run-in heading, but not a sentence with a colon', () => {
    const { blocks } = structureParagraphs(['1.行政复议方面：全年收案37件，审结30件。', '2.全年共开展执法检查46次，其中联合检查：12次。', '（一）主要做法：']);
    expect(blocks).toEqual([
      { type: 'heading', level: 3, runIn: true, children: [{ text: '行政复议方面：' }] },
      { type: 'paragraph', children: [{ text: '全年收案37件，审结30件。' }] },
      { type: 'heading', level: 3, children: [{ text: '全年共开展执法检查46次，其中联合检查：12次。' }] },
      { type: 'heading', level: 2, children: [{ text: '主要做法：' }] },
    ]);
  });

  it('joins a marker left alone on its line with the heading on the next', () => {
    const { blocks } = structureParagraphs(['二、', '存在的不足和原因', '一是执法力量不足。']);
    expect(headings(blocks)).toEqual([[1, '存在的不足和原因']]);
    expect(blocks).toHaveLength(2);
  });
});

describe('odd input', () => {
  it('empty or chrome-only text gives an empty body and says so', () => {
    for (const text of ['', '   \n\n', '微信\n手机版\n【打印本页】\n分享到:\n']) {
      const { doc, notes } = importText(text, { id: 'e', defaultYear: 2024 });
      expect(doc.body).toEqual([]);
      expect(doc.meta.year).toBe(2024);
      expect(notes.some((n) => n.message.includes('未找到报告正文'))).toBe(true);
      expect(() => serializeDocument(doc)).not.toThrow();
    }
  });

  it('a report without a title uses the file name when it names a report', () => {
    const { doc, notes } = importText('一、主要举措和成效\n全年办理案件12件。', { id: 'f', fileName: 'C:\\报告\\某某镇2024年法治政府建设年度报告.txt' });
    expect(doc.meta.title).toBe('某某镇2024年法治政府建设年度报告');
    expect(doc.meta.year).toBe(2024);
    expect(notes.some((n) => n.message.includes('文件名'))).toBe(true);
  });

  it('a document number and a Chinese-numeral date are read', () => {
    const { doc } = importText(
      ['石门县人民政府关于2024年度法治政府建设情况的报告', '石政报〔2025〕3号', '市人民政府：', '一、2024年推进法治政府建设的主要举措和成效', '全年办结行政复议案件21件。', '石门县人民政府', '二〇二五年三月十日'].join('\n'),
      { id: 'g' },
    );
    expect(doc.meta.docNumber).toBe('石政报〔2025〕3号');
    expect(doc.meta.addressee).toBe('市人民政府');
    expect(doc.meta.date).toBe('2025-03-10');
    expect(doc.meta.signature).toBe('石门县人民政府');
    expect(allText(doc.body)).toBe('2024年推进法治政府建设的主要举措和成效\n全年办结行政复议案件21件。');
  });

  it('a notice in sentences above the title, a banner below it and a date in brackets', () => {
    const { doc, notes } = importText(
      [
        '欢迎访问本网站，为了获得更好的浏览体验，请使用新版本的浏览器访问，谢谢您的支持。',
        '云岭市市场监督管理局关于2024年度法治政府建设情况的报告',
        '（2025年2月26日）',
        '云岭市市场监督管理局',
        '　　2024年，市市场监管局深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：',
        '一、2024年度推进法治政府建设的主要举措和成效',
        '全年查办各类违法案件316件，罚没款1024万元。',
      ].join('\n'),
      { id: 'h' },
    );
    expect(doc.meta.title).toBe('云岭市市场监督管理局关于2024年度法治政府建设情况的报告');
    expect(doc.meta.date).toBe('2025-02-26');
    expect(doc.meta.organ).toBe('云岭市市场监督管理局');
    expect(blockText(doc.body[0]!)).toBe('2024年，市市场监管局深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：');
    expect(allText(doc.body)).not.toContain('欢迎访问');
    expect(notes[0]!.message).toContain('2 行');
  });

  it('attachments, signature, date and a contact line at the end', () => {
    const { doc } = importText(
      [
        '石门县应急管理局关于2024年度法治政府建设情况的报告',
        '一、2024年推进法治政府建设的主要举措和成效',
        '全年开展安全生产执法检查426次。',
        '附件：1.2024年度行政执法数据统计表',
        '2.重大行政决策事项目录',
        '石门县应急管理局',
        '2025年2月28日',
        '（联系人：王某，电话：0736-1234567）',
      ].join('\n'),
      { id: 'k' },
    );
    expect(doc.meta.attachments).toEqual(['2024年度行政执法数据统计表', '重大行政决策事项目录']);
    expect(doc.meta.signature).toBe('石门县应急管理局');
    expect(doc.meta.date).toBe('2025-02-28');
    expect(allText(doc.body)).toBe('2024年推进法治政府建设的主要举措和成效\n全年开展安全生产执法检查426次。');
  });

  it('a title broken after 关于', () => {
    const { doc } = importText(['红山区人民政府关于', '2024年度法治政府建设情况的报告', '一、主要举措和成效', '全年办结复议案件9件。'].join('\n'), { id: 'l' });
    expect(doc.meta.title).toBe('红山区人民政府关于2024年度法治政府建设情况的报告');
    expect(doc.meta.organ).toBe('红山区人民政府');
  });

  it('the organ of a joint title, and of a title that names only a place', () => {
    const joint = importText(['中共青山县委 青山县人民政府关于2024年法治政府建设情况的报告', '一、主要举措和成效', '全年审查文件12件。'].join('\n'), { id: 'm' });
    expect(joint.doc.meta.organ).toBe('中共青山县委 青山县人民政府');
    const place = importText(['发布机构：青山区人民政府 成文日期：2025-03-20', '青山区2024年度法治政府建设情况报告', '一、主要举措和成效', '全年审查文件12件。'].join('\n'), { id: 'n' });
    expect(place.doc.meta.title).toBe('青山区2024年度法治政府建设情况报告');
    expect(place.doc.meta.organ).toBe('青山区人民政府');
    expect(place.doc.meta.date).toBe('2025-03-20');
  });

  it('titles with the year in brackets, or called a summary', () => {
    const a = importText(['长河镇法治政府建设年度报告（2024年）', '一、主要举措和成效', '全年调解纠纷35件。'].join('\n'), { id: 'o' });
    expect(a.doc.meta.title).toBe('长河镇法治政府建设年度报告（2024年）');
    expect(a.doc.meta.year).toBe(2024);
    const b = importText(['长河镇2024年法治政府建设工作总结', '一、主要举措和成效', '全年调解纠纷35件。'].join('\n'), { id: 'p' });
    expect(b.doc.meta.title).toBe('长河镇2024年法治政府建设工作总结');
  });

  it('a short first paragraph after the title is kept', () => {
    const { doc } = importText(['某某区财政局2024年法治政府建设年度报告', '现将有关情况报告如下：', '一、主要举措和成效', '全年审核合同58份。'].join('\n'), { id: 'i' });
    expect(blockText(doc.body[0]!)).toBe('现将有关情况报告如下：');
  });

  it('a generated id is a UUID and differs between imports', () => {
    const a = importText('一、主要举措\n正文。').doc.id;
    const b = importText('一、主要举措\n正文。').doc.id;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('a 20,000-character report imports whole', () => {
    const body = sourceLines(jianghaiText, 21, 67).join('\n\n');
    const big = ['某区司法局关于2025年度法治政府建设情况的报告', body, body, body, body, body].join('\n\n');
    expect(big.length).toBeGreaterThan(20000);
    const { doc } = importText(big, { id: 'big' });
    expect(doc.meta.title).toBe('某区司法局关于2025年度法治政府建设情况的报告');
    expect(squash(allText(doc.body)).length).toBeGreaterThan(19000);
  });
});

describe('any text at all', () => {
  const fixtureLines = [...jianghaiText.split('\n'), ...yangjiangText.split('\n')];
  const line = fc.oneof(
    fc.constantFrom(...fixtureLines),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('一、', '(一)', '（一）、', '1、', '1.', '一是', '报告', '附件：', '2025年3月1日', '（此件公开发布）', '\u00a0\u3000', '县人民政府：', '【打印】', '\r'),
  );
  it('imports without throwing into a valid document that survives a round trip', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const { doc } = importText(lines.join('\n'), { id: 'p', defaultYear: 2024 });
        expect(() => ReportDocument.parse(doc)).not.toThrow();
        for (const b of doc.body) expect(blockText(b).length).toBeGreaterThan(0);
        expect(parseDocument(serializeDocument(doc))).toEqual(doc);
      }),
      { numRuns: fuzzRuns(300), seed: SEED },
    );
  });
});
