// The import heuristics shared by the text and Word importers (issue 20 §2): title blocks over several lines, the
// year of the report and where it came from, page chrome left in the body, and a web page's date kept apart from
// the 成文日期. Sentences are our own, written in the manner of published reports.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { importDocx } from '../../shared/docx/import';
import { importText } from '../../shared/import/text';
import { blockText } from '../../shared/model/schema';

const BODY = ['一、2024年度推进法治政府建设的主要举措和成效', '全年审查行政规范性文件14件，办理行政复议案件23件。'];
const text = (lines: string[]): ReturnType<typeof importText> => importText(lines.join('\n'), { id: 't' });
const allText = (r: ReturnType<typeof importText>): string => r.doc.body.map(blockText).join('\n');

describe('title blocks over two or three lines', () => {
  it('the organ on the line above 关于… is joined into the title and is the organ', () => {
    const r = text(['松川县人民政府', '关于2024年度法治政府建设情况的报告', ...BODY]);
    expect(r.doc.meta.title).toBe('松川县人民政府关于2024年度法治政府建设情况的报告');
    expect(r.doc.meta.organ).toBe('松川县人民政府');
    expect(allText(r)).not.toContain('松川县人民政府');
  });

  it('a joint title: 中共X委 and X人民政府 on two lines above 关于…', () => {
    const r = text(['中共松川县委', '松川县人民政府', '关于2024年法治政府建设情况的报告', ...BODY]);
    expect(r.doc.meta.title).toBe('中共松川县委 松川县人民政府关于2024年法治政府建设情况的报告');
    expect(r.doc.meta.organ).toBe('中共松川县委 松川县人民政府');
  });

  it('two organs on one line above, the title broken over two lines below', () => {
    const r = text(['中共松川县委 松川县人民政府', '关于2024年度法治政府建设', '情况的报告', ...BODY]);
    expect(r.doc.meta.title).toBe('中共松川县委 松川县人民政府关于2024年度法治政府建设情况的报告');
    expect(r.doc.meta.organ).toBe('中共松川县委 松川县人民政府');
  });

  it('a banner above the title that is not an organ stays out of it', () => {
    const r = text(['法治政府建设', '松川县司法局关于2024年度法治政府建设情况的报告', ...BODY]);
    expect(r.doc.meta.title).toBe('松川县司法局关于2024年度法治政府建设情况的报告');
    expect(r.doc.meta.organ).toBe('松川县司法局');
  });

  it('in a Word file, centred organ lines of a joint title keep a space between the organs', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const p = (t: string, centred = false) => `<w:p>${centred ? '<w:pPr><w:jc w:val="center"/></w:pPr>' : ''}<w:r><w:t>${t}</w:t></w:r></w:p>`;
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
      'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body>${p('中共松川县委', true)}${p('松川县人民政府', true)}${p('关于2024年法治政府建设情况的报告', true)}${BODY.map((t) => p(t)).join('')}</w:body></w:document>`),
    });
    const { doc } = importDocx(bytes);
    expect(doc.meta.title).toBe('中共松川县委 松川县人民政府关于2024年法治政府建设情况的报告');
    expect(doc.meta.organ).toBe('中共松川县委 松川县人民政府');
  });
});

describe('the year of the report, and where it came from', () => {
  const untitled = (lines: string[], defaultYear?: number) => importText(lines.join('\n'), { id: 'y', ...(defaultYear ? { defaultYear } : {}) });

  it('from the title, without a note', () => {
    const r = text(['松川县司法局关于2023年度法治政府建设情况的报告', ...BODY]);
    expect(r.doc.meta.year).toBe(2023);
    expect(r.notes.some((n) => n.message.includes('报告年度'))).toBe(false);
  });

  it('from the first sentence when the title names none', () => {
    const r = untitled(['松川县司法局法治政府建设情况报告', '2023年，县司法局在县委、县政府的领导下，扎实推进法治政府建设。现将有关情况报告如下：', '一、主要举措和成效', '全年办理行政复议案件23件。']);
    expect(r.doc.meta.year).toBe(2023);
    expect(r.notes.find((n) => n.message.includes('报告年度'))!.message).toMatch(/正文第一句.*2023 年/);
  });

  it('from the dates in the text when neither the title nor the first sentence names one', () => {
    const r = untitled(['一、主要举措和成效', '全年审查规范性文件14件，较2022年增加3件。', '截至2022年底，全县已建成公共法律服务站点45个；2022年共开展普法活动120场次。']);
    expect(r.doc.meta.year).toBe(2022);
    expect(r.notes.find((n) => n.message.includes('报告年度'))!.message).toContain('出现最多的年份');
  });

  it('never silently "this year": the caller’s year and the last resort are both noted', () => {
    const given = untitled(['一、主要举措和成效', '全年办理案件12件。'], 2021);
    expect(given.doc.meta.year).toBe(2021);
    expect(given.notes.find((n) => n.message.includes('报告年度'))!.message).toContain('沿用当前报告的年度 2021 年');
    const none = untitled(['一、主要举措和成效', '全年办理案件12件。']);
    expect(none.notes.find((n) => n.message.includes('报告年度'))!.message).toContain('暂定为去年');
  });

  it('the Word importer honours the caller’s year too (it used to ignore it)', () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
      'word/document.xml': strToU8(`<w:document xmlns:w="${W}"><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>松川县司法局法治政府建设情况报告</w:t></w:r></w:p><w:p><w:r><w:t>一、主要举措和成效</w:t></w:r></w:p><w:p><w:r><w:t>全年办理案件12件。</w:t></w:r></w:p></w:body></w:document>`),
    });
    const { doc, notes } = importDocx(bytes, {}, { defaultYear: 2021 });
    expect(doc.meta.year).toBe(2021);
    expect(notes.some((n) => n.message.includes('2021 年'))).toBe(true);
  });
});

describe('page chrome left in the body is dropped, with a note', () => {
  it('info bars, font-size switches, print, close and share buttons', () => {
    const r = text([
      '松川县司法局关于2024年度法治政府建设情况的报告',
      '时间：2025-03-12　　浏览次数：',
      '来源：松川县司法局',
      '字号 大 中 小',
      '【字号：大 中 小】 【打印本页】 【关闭窗口】',
      ...BODY,
      '分享到：微信 微博 QQ空间',
      '打印本页　关闭窗口',
    ]);
    const body = allText(r);
    for (const chrome of ['浏览次数', '来源', '字号', '打印本页', '关闭窗口', '分享到']) expect(body).not.toContain(chrome);
    expect(body).toBe(BODY.join('\n').replace('一、', ''));
    expect(r.notes[0]!.message).toContain('已去除网页中的非正文内容 6 行');
  });

  it('keeps report sentences that merely mention such words', () => {
    const r = text(['松川县司法局关于2024年度法治政府建设情况的报告', ...BODY, '时间紧、任务重，全局上下分享经验、查找不足，全年关闭违规网站2个。']);
    expect(allText(r)).toContain('时间紧、任务重');
  });
});

describe('a web page’s 发布时间/更新时间 is kept distinct from the 成文日期', () => {
  it('the model says the date came from the page', () => {
    const updated = text(['松川县司法局关于2024年度法治政府建设情况的报告', '更新时间：2025-04-20', ...BODY]);
    expect(updated.doc.meta).toMatchObject({ date: '2025-04-20', dateSource: 'updated' });
    expect(updated.notes.some((n) => n.message.includes('更新时间') && n.message.includes('不一定是成文日期'))).toBe(true);
    const published = text(['时间：2025-04-02　浏览次数：12', '松川县司法局关于2024年度法治政府建设情况的报告', ...BODY]);
    expect(published.doc.meta).toMatchObject({ date: '2025-04-02', dateSource: 'published' });
  });

  it('a 成文日期 or a signed date is the document’s own: no source is recorded', () => {
    const signed = text(['松川县司法局关于2024年度法治政府建设情况的报告', '更新时间：2025-04-20', ...BODY, '松川县司法局', '2025年2月26日']);
    expect(signed.doc.meta.date).toBe('2025-02-26');
    expect(signed.doc.meta.dateSource).toBeUndefined();
  });
});

describe('what the real pages showed (issue 20, measured on published reports)', () => {
  it('an info bar written as a list, with keys spaced out (- 索 引 号:, - 发布机构:, - 公文生成日期:)', () => {
    const r = text([
      '- 索 引 号: xx001-1800-2025-00007',
      '- 备注/文号: 松镇委〔2025〕3号',
      '- 发布机构: 松川镇人民政府',
      '- 公文生成日期: 2025-02-10',
      '中共松川县委员会，松川县人民政府：',
      '2024年，松川镇在县委、县政府的指导下，扎实推进法治政府建设，现将有关情况报告如下：',
      ...BODY,
    ]);
    expect(r.doc.meta).toMatchObject({ organ: '松川镇人民政府', date: '2025-02-10', docNumber: '松镇委〔2025〕3号', addressee: '中共松川县委员会，松川县人民政府' });
    expect(r.doc.meta.dateSource).toBeUndefined();
    expect(allText(r)).not.toContain('索');
    expect(allText(r)).not.toContain('发布机构');
  });

  it('the page’s sign-off under the article (终审:…, 【打印正文】) is chrome', () => {
    const r = text(['松川县司法局关于2024年度法治政府建设情况的报告', ...BODY, '初审：李某　复审：王某', '终审:赵某', '分享到:', '【打印正文】']);
    expect(allText(r)).toBe(BODY.join('\n').replace('一、', ''));
  });

  it('a list bullet or a spaced key in the body text is not taken for an info bar', () => {
    const r = text(['松川县司法局关于2024年度法治政府建设情况的报告', ...BODY, '- 全年共收到群众来信12件，均已办结。']);
    expect(allText(r)).toContain('- 全年共收到群众来信12件');
  });

  it('no title and no signature: the organ is the first sentence’s subject, with a note', () => {
    const r = text(['2024年，在县委、县政府的坚强领导下，松川县司法局坚持以习近平法治思想为指导，扎实推进法治政府建设。', ...BODY]);
    expect(r.doc.meta.organ).toBe('松川县司法局');
    expect(r.doc.meta.signature).toBe('松川县司法局');
    expect(r.notes.some((n) => n.message.includes('正文第一句') && n.message.includes('松川县司法局'))).toBe(true);
    const since = text(['2024年以来，松川区市场监管局在区委、区政府的正确领导下，认真落实年度工作要点。', ...BODY]);
    expect(since.doc.meta.organ).toBe('松川区市场监管局');
    const township = text(['一年来，青溪乡在县委、县政府的正确领导下，有序推进法治政府建设工作。', ...BODY]);
    expect(township.doc.meta.organ).toBe('青溪乡');
  });

  it('the first sentence names no organ of its own (我局, 全县, the leading bodies): no organ is guessed', () => {
    for (const opening of ['2024年，我局坚持以习近平法治思想为指导，扎实推进法治政府建设。', '2024年，在县委、县政府的坚强领导下，全县法治政府建设取得新成效。', '2024年，在市委的正确领导下，市政府坚持以习近平法治思想为指导，推进法治政府建设。']) {
      const r = text([opening, ...BODY]);
      expect(r.doc.meta.organ).toBe('');
    }
  });

  it('an organ line above a title that opens with its own place name is the site banner, not part of the title', () => {
    const r = text(['松川县人民政府', '松川县2024年法治政府建设年度报告', ...BODY]);
    expect(r.doc.meta.title).toBe('松川县2024年法治政府建设年度报告');
    const joined = text(['松川县人民政府', '2024年法治政府建设年度报告', ...BODY]);
    expect(joined.doc.meta.title).toBe('松川县人民政府2024年法治政府建设年度报告');
  });
});
