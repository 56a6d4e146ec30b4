// Template operations: a report from a template, a template from a report (figures become placeholders), and next
// year's draft from last year's report (years shifted by part, figures marked stale). Sentences are from the real
// reports in shared/fixtures/reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heading, paragraph, type ReportDocument, type TextLeaf } from '../../shared/model/schema';
import { Template } from '../../shared/model/template';
import { createReportFromTemplate, markFigures, newFromPreviousYear, replaceYears, reportToTemplate } from '../../shared/model/templateOps';

const department = Template.parse(JSON.parse(readFileSync(join(__dirname, '../../templates/builtin/department.json'), 'utf8')));
const jianghai = readFileSync(join(__dirname, '../../../shared/fixtures/reports/jianghai-2025-webpage.txt'), 'utf8');

/** A sentence of the real report that contains `probe`, with its full stop. */
function sentence(probe: string): string {
  const s = jianghai.split(/(?<=[。])/).find((x) => x.includes(probe));
  if (!s) throw new Error(`fixture has no sentence with ${probe}`);
  return s.trim();
}

function lastYearReport(): ReportDocument {
  return {
    id: 'jianghai-2025',
    meta: {
      organ: '江海区政务服务和数据管理局', year: 2025, title: '江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告',
      addressee: '区人民政府', date: '2025-11-20', signature: '江海区政务服务和数据管理局', docNumber: '江政数〔2025〕12号', templateId: 'department',
    },
    body: [
      paragraph('2025年,江海区政务和数据局坚持以习近平新时代中国特色社会主义思想为指导,按照《法治政府建设实施纲要(2021-2025年)》,全面推进法治政府建设。'),
      heading(1, '2025年推进法治政府建设的主要举措及成效', { parts: ['achievements'] }),
      heading(2, '深入践行习近平法治思想'),
      paragraph(sentence('全年共办理人大代表建议7件')),
      paragraph(sentence('召开2次12345工单协调会')),
      heading(1, '2026年推进法治政府建设的主要安排', { parts: ['plans'] }),
      paragraph('2026年,我局将在2025年工作基础上,力争政务服务满意率保持100%,2027年前完成系统整合。'),
    ],
    ignores: [{ rule: 'punct.ascii', text: ',', context: '', reason: '网页复制', createdAt: '2025-11-20T00:00:00.000Z' }],
    rules: { ...department.rules, disabled: ['punct.ascii'] },
  };
}

const texts = (leaves: readonly TextLeaf[]): string => leaves.map((l) => l.text).join('');
const staleRuns = (doc: ReportDocument): string[] =>
  doc.body.flatMap((b) => (b.type === 'table' ? [] : b.children.filter((l) => l.stale).map((l) => l.text)));

describe('createReportFromTemplate', () => {
  it('fills in the organ and the years and takes the template\'s rule settings', () => {
    const doc = createReportFromTemplate(department, { id: 'new-1', organ: '某某县司法局', year: 2025 });
    expect(doc.meta).toEqual({
      organ: '某某县司法局', year: 2025, title: '某某县司法局关于2025年度法治政府建设情况的报告', addressee: department.addressee,
      date: '', signature: '某某县司法局', templateId: 'department',
    });
    const all = doc.body.map((b) => (b.type === 'table' ? '' : texts(b.children))).join('\n');
    expect(all).toContain('2025年推进法治政府建设的主要举措和成效');
    expect(all).toContain('2026年推进法治政府建设的主要安排');
    expect(all).toContain('2025年，某某县司法局坚持');
    expect(all).not.toMatch(/【年份】|【下一年份】|【机关名称】/);
    expect(all).toMatch(/【××件】/);
    expect(doc.rules).toEqual(department.rules);
    expect(doc.rules).not.toBe(department.rules);
    expect(createReportFromTemplate(department, { id: 'x', organ: '甲', year: 2025, addressee: '市政府', signature: '甲局' }).meta).toMatchObject({ addressee: '市政府', signature: '甲局' });
  });
});

describe('reportToTemplate', () => {
  it('turns figures into placeholders and keeps structure and rule settings', () => {
    const doc = lastYearReport();
    const t = reportToTemplate(doc, { name: '本局年报模板', id: 'jianghai-bureau', clearYearText: false, base: department });
    expect(t).toMatchObject({ id: 'jianghai-bureau', name: '本局年报模板', source: 'user', addressee: '区人民政府', rules: doc.rules, guidance: department.guidance });
    expect(t.body.map((b) => b.type === 'heading' && b.parts)).toEqual(doc.body.map((b) => b.type === 'heading' && b.parts));
    const body = t.body.map((b) => (b.type === 'table' ? '' : texts(b.children)));
    expect(body[3]).toBe('全年共办理人大代表建议【××件】,政协提案【××件】,满意率均为【××%】。');
    // 12345 names the hotline, not a figure; 2次 and 14宗 are figures.
    expect(body[4]).toBe('今年以来,召开【××次】12345工单协调会,共协调解决复杂工单【××宗】。');
    expect(body[0]).toContain('2025年,江海区');
  });

  it('optionally clears year and organ text, keeping fixed periods such as the outline\'s 2021-2025年', () => {
    const t = reportToTemplate(lastYearReport(), { name: '通用', id: 'generic', clearYearText: true, clearOrganName: true });
    const body = t.body.map((b) => (b.type === 'table' ? '' : texts(b.children)));
    expect(body[0]).toBe('【年份】年,江海区政务和数据局坚持以习近平新时代中国特色社会主义思想为指导,按照《法治政府建设实施纲要(2021-2025年)》,全面推进法治政府建设。');
    expect(body[1]).toBe('【年份】年推进法治政府建设的主要举措及成效');
    expect(body[5]).toBe('【下一年份】年推进法治政府建设的主要安排');
    expect(t.guidance).toEqual([]);
    // A report made from this template gets its own years back.
    const next = createReportFromTemplate(t, { id: 'n', organ: '某局', year: 2026 });
    expect(texts((next.body[5] as { children: TextLeaf[] }).children)).toBe('2027年推进法治政府建设的主要安排');
  });
});

describe('newFromPreviousYear', () => {
  it('moves the years on by part and marks every figure stale until confirmed', () => {
    const prev = lastYearReport();
    const next = newFromPreviousYear(prev, { id: 'jianghai-2026' });
    expect(next.id).toBe('jianghai-2026');
    expect(next.meta).toEqual({
      organ: prev.meta.organ, year: 2026, title: '江海区政务服务和数据管理局关于2026年度法治政府建设情况的报告',
      addressee: '区人民政府', date: '', signature: prev.meta.signature, templateId: 'department',
    });
    expect(next.ignores).toEqual([]);
    expect(next.rules).toEqual(prev.rules);
    const body = next.body.map((b) => (b.type === 'table' ? '' : texts(b.children)));
    expect(body[0]).toBe('2026年,江海区政务和数据局坚持以习近平新时代中国特色社会主义思想为指导,按照《法治政府建设实施纲要(2021-2025年)》,全面推进法治政府建设。');
    expect(body[1]).toBe('2026年推进法治政府建设的主要举措及成效');
    expect(body[3]).toBe(texts((prev.body[3] as { children: TextLeaf[] }).children));
    // In the plans Y+1 → Y+2 and Y → Y+1, in one pass (2026 does not become 2028).
    expect(body[5]).toBe('2027年推进法治政府建设的主要安排');
    expect(body[6]).toBe('2027年,我局将在2026年工作基础上,力争政务服务满意率保持100%,2027年前完成系统整合。');
    expect(staleRuns(next)).toEqual(['7件', '18件', '100%', '2次', '14宗', '100%']);
    // The text around the figures is not stale, and the previous report is untouched.
    expect((next.body[3] as { children: TextLeaf[] }).children[0]).toEqual({ text: '全年共办理人大代表建议' });
    expect(staleRuns(prev)).toEqual([]);
  });

  it('finds the plans by wording when headings carry no part tags', () => {
    const doc: ReportDocument = {
      ...lastYearReport(),
      body: [heading(1, '2025年工作开展情况'), paragraph('2025年办结12件。'), heading(1, '下一步工作打算'), paragraph('2026年继续推进。')],
    };
    const body = newFromPreviousYear(doc, { id: 'n' }).body.map((b) => (b.type === 'table' ? '' : texts(b.children)));
    expect(body).toEqual(['2026年工作开展情况', '2026年办结12件。', '下一步工作打算', '2027年继续推进。']);
  });
});

describe('helpers', () => {
  it('markFigures keeps runs already stale and merges neighbours', () => {
    expect(markFigures([{ text: '共' }, { text: '8场次', stale: true }, { text: '，覆盖3000余人。' }])).toEqual([
      { text: '共' }, { text: '8场次', stale: true }, { text: '，覆盖' }, { text: '3000余人', stale: true }, { text: '。' },
    ]);
    expect(markFigures([{ text: '' }])).toEqual([{ text: '' }]);
    expect(markFigures([{ text: '第3次会议，IPv6改造，一网通办3.0' }])).toEqual([{ text: '第3次会议，IPv6改造，一网通办3.0' }]);
  });

  it('replaceYears leaves ranges and book titles alone', () => {
    const shift = (y: number): string | null => (y === 2024 ? '2025' : null);
    expect(replaceYears('2024年；2024年度；2021—2024年；《2024年工作要点》；2024-12-31', shift)).toBe('2025年；2025年度；2021—2024年；《2024年工作要点》；2024-12-31');
  });
});
