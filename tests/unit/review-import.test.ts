// 导入审阅意见 from files in the shape Word 2016+ writes (ECMA-376 plus w14/w15): comment threads with replies and
// 已解决, insertions, deletions, moves, run and paragraph property changes, whole paragraphs added or deleted; placed
// on a draft that changed since the export; unplaceable items kept apart; accept / reject one by one; the .fzbg
// migration; the `review` command and the capped child process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importReview } from '../../shared/docx/review/importReview';
import { readReviewerFile } from '../../shared/docx/review/readReview';
import { UserFacingError } from '../../shared/ipc/contract';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { decideAll, decideReviewItem } from '../../shared/model/reviewOps';
import { emptyRuleSettings, heading, leavesText, paragraph, type ReportDocument } from '../../shared/model/schema';
import { runReview } from '../../main/cli/review';
import { importReviewInWorker } from '../../main/services/reviewImport';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

function draft(): ReportDocument {
  return {
    id: 'review-draft',
    meta: { organ: '某县司法局', year: 2025, title: '某县司法局关于2025年度法治政府建设情况的报告', addressee: '某县人民政府', date: '2026-02-28', signature: '某县司法局' },
    body: [
      heading(1, '主要举措和成效', { parts: ['achievements'] }),
      paragraph('全年办理行政复议案件41件，同比增长12%，纠错率为9.8%。'),
      paragraph('组织执法人员培训3次，覆盖执法人员210人次。'),
      heading(1, '存在的不足', { parts: ['shortcomings'] }),
      paragraph('执法队伍专业化水平有待提高。'),
    ],
    ignores: [],
    rules: emptyRuleSettings(),
  };
}

const who = (author: string, id: number): string => `w:id="${id}" w:author="${author}" w:date="2026-12-05T08:30:00Z"`;
const r = (text: string): string => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const dr = (text: string): string => `<w:r><w:delText xml:space="preserve">${text}</w:delText></w:r>`;
const p = (inner: string, pPr = ''): string => `<w:p w14:paraId="0A0B0C0D" w14:textId="77777777">${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;

/** A package as Word 2016+ saves it (the parts the reader looks at). */
function wordFile(body: string, comments: string[] = [], extended = ''): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>' +
        '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>' +
        '<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:w14="${W14}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'word/comments.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}" xmlns:w14="${W14}">${comments.join('')}</w:comments>`),
    'word/commentsExtended.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx xmlns:w15="${W15}">${extended}</w15:commentsEx>`),
  };
  return zipSync(files);
}

const comment = (id: number, author: string, paraId: string, text: string): string =>
  `<w:comment ${who(author, id)} w:initials="张"><w:p w14:paraId="${paraId}" w14:textId="77777777"><w:r><w:annotationRef/></w:r>${r(text)}</w:p></w:comment>`;

/** The exported paragraphs of draft(), as the reviewer received them, with their edits. */
function returnedFile(): Uint8Array {
  const body = [
    p(r('某县司法局关于2025年度法治政府建设情况的报告')),
    p(r('某县人民政府：')),
    p(r('一、主要举措和成效'), '<w:pPrChange w:id="20" w:author="张科长" w:date="2026-12-05T08:30:00Z"><w:pPr/></w:pPrChange>'),
    // A comment thread on 41件 (resolved, with a reply); 同比增长12% moved to the end of the next paragraph.
    p(`${r('全年办理行政复议案件')}<w:commentRangeStart w:id="0"/>${r('41件')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r><w:r><w:commentReference w:id="1"/></w:r>` +
      `${r('，')}<w:moveFrom ${who('张科长', 11)}>${dr('同比增长12%，')}</w:moveFrom>${r('纠错率为9.8%。')}`),
    p(`${r('组织执法人员培训')}<w:del ${who('张科长', 12)}>${dr('3')}</w:del><w:ins ${who('张科长', 13)}>${r('4')}</w:ins>` +
      `<w:r><w:rPr><w:b/><w:rPrChange w:id="14" w:author="李四" w:date="2026-12-05T09:00:00Z"><w:rPr/></w:rPrChange></w:rPr><w:t>次</w:t></w:r>` +
      `${r('，覆盖执法人员210人次。')}<w:moveTo ${who('张科长', 15)}>${r('同比增长12%。')}</w:moveTo>`),
    // A paragraph deleted whole, with its mark.
    p(`<w:del ${who('王五', 16)}>${dr('二、存在的不足')}</w:del>`, `<w:rPr><w:del ${who('王五', 17)}/></w:rPr>`),
    p(`<w:commentRangeStart w:id="2"/>${r('执法队伍专业化水平有待提高。')}<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>`, `<w:rPr><w:ins ${who('王五', 18)}/></w:rPr>`),
    // A paragraph added whole after it.
    p(`<w:ins ${who('王五', 19)}>${r('下一步将加强执法人员专业培训。')}</w:ins>`),
    p(`<w:commentRangeStart w:id="3"/>${r('某县司法局')}<w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r>`),
    p(r('2026年2月28日')),
  ].join('');
  return wordFile(
    body,
    [
      comment(0, '张科长', '1A000001', '请核实41件是否含不予受理的案件。'),
      comment(1, '李四', '1A000002', '已核实，含3件。'),
      comment(2, '王五', '1A000003', '表述过于笼统。'),
      comment(3, '王五', '1A000004', '落款用全称。'),
    ],
    '<w15:commentEx w15:paraId="1A000001" w15:done="1"/><w15:commentEx w15:paraId="1A000002" w15:paraIdParent="1A000001" w15:done="1"/><w15:commentEx w15:paraId="1A000003" w15:done="0"/><w15:commentEx w15:paraId="1A000004" w15:done="0"/>',
  );
}

describe('reading a file in the Word 2016+ shape', () => {
  it('reads original and accepted text of each paragraph', () => {
    const file = readReviewerFile(returnedFile());
    expect(file.paragraphs[3]).toMatchObject({ original: '全年办理行政复议案件41件，同比增长12%，纠错率为9.8%。', accepted: '全年办理行政复议案件41件，纠错率为9.8%。' });
    expect(file.paragraphs[4]).toMatchObject({ original: '组织执法人员培训3次，覆盖执法人员210人次。', accepted: '组织执法人员培训4次，覆盖执法人员210人次。同比增长12%。' });
    expect(file.paragraphs[5]).toMatchObject({ original: '二、存在的不足', accepted: '', markDeleted: true });
  });

  it('places comments with their thread and resolved state, and each kind of change', () => {
    const { added, summary } = importReview(draft(), returnedFile(), '退回.docx');
    const thread = added.find((i) => i.author === '张科长' && i.kind === 'comment')!;
    expect(thread).toMatchObject({ text: '请核实41件是否含不予受理的案件。', quote: '41件', done: true, anchor: { path: [1], start: 10, end: 13 }, source: '退回.docx' });
    expect(thread.replies).toEqual([{ author: '李四', date: '2026-12-05T08:30:00Z', text: '已核实，含3件。' }]);
    expect(added.find((i) => i.kind === 'delete' && i.move)).toMatchObject({ text: '同比增长12%，', anchor: { path: [1], start: 14, end: 22 } });
    expect(added.find((i) => i.kind === 'insert' && i.move)).toMatchObject({ text: '同比增长12%。', anchor: { path: [2], start: 23, end: 23 } });
    expect(added.filter((i) => i.kind === 'format').map((i) => [i.author, i.anchor?.path])).toEqual([['张科长', [0]], ['李四', [2]]]);
    expect(added.find((i) => i.kind === 'delete' && i.wholeParagraph)).toMatchObject({ author: '王五', anchor: { path: [3], start: 0, end: 5 } });
    expect(added.find((i) => i.kind === 'insert' && i.wholeParagraph)).toMatchObject({ text: '下一步将加强执法人员专业培训。', anchor: { path: [4] } });
    // The comment on the signature cannot go into the body: kept, with the reason.
    const signature = added.find((i) => i.text === '落款用全称。')!;
    expect(signature.anchor).toBeNull();
    expect(signature.unplacedReason).toMatch(/署名/);
    expect(summary.unplaced).toBe(1);
    expect(summary.placed).toBe(added.length - 1);
  });

  it('accepting all gives the text with every change accepted; rejecting gives the draft', () => {
    const { doc } = importReview(draft(), returnedFile(), '退回.docx');
    const texts = (d: ReportDocument): string[] => d.body.map((b) => (b.type === 'table' ? '' : leavesText(b.children)));
    expect(texts(decideAll(doc, 'accept'))).toEqual([
      '主要举措和成效', '全年办理行政复议案件41件，纠错率为9.8%。', '组织执法人员培训4次，覆盖执法人员210人次。同比增长12%。', '执法队伍专业化水平有待提高。', '下一步将加强执法人员专业培训。',
    ]);
    expect(texts(decideAll(doc, 'reject'))).toEqual(texts(draft()));
    // Comments and format changes stay for the officer; all tracked changes are gone.
    expect(decideAll(doc, 'accept').review!.every((i) => i.kind === 'comment' || i.kind === 'format')).toBe(true);
  });

  it('accepts one reviewer at a time, and one change at a time, moving the other anchors', () => {
    const { doc } = importReview(draft(), returnedFile(), '退回.docx');
    const onlyZhang = decideAll(doc, 'accept', '张科长');
    expect(onlyZhang.body).toHaveLength(5);
    expect(onlyZhang.review!.some((i) => i.author === '王五' && i.kind === 'insert')).toBe(true);
    const del3 = doc.review!.find((i) => i.kind === 'delete' && i.text === '3')!;
    const after = decideReviewItem(doc, del3.id, 'accept');
    expect(leavesText((after.body[2] as { children: { text: string }[] }).children)).toBe('组织执法人员培训次，覆盖执法人员210人次。');
    expect(after.review!.find((i) => i.kind === 'insert' && i.text === '4')!.anchor).toMatchObject({ start: 8, end: 8 });
    expect(after.review!.find((i) => i.move && i.kind === 'insert')!.anchor).toMatchObject({ start: 22 });
  });

  it('finds its place in a draft edited since the export, by text and neighbourhood', () => {
    const edited = draft();
    edited.body[1] = paragraph('2025年，全年办理行政复议案件41件，同比增长12%，纠错率为9.8%。');
    edited.body.splice(0, 0, paragraph('现将有关情况报告如下。'));
    const { added } = importReview(edited, returnedFile(), '退回.docx');
    expect(added.find((i) => i.author === '张科长' && i.kind === 'comment')!.anchor).toEqual({ path: [2], start: 16, end: 19 });
    expect(added.find((i) => i.kind === 'delete' && i.move)!.anchor).toEqual({ path: [2], start: 20, end: 28 });
  });

  it('lists an item whose text is gone from the draft apart, never drops it', () => {
    const edited = draft();
    edited.body[1] = paragraph('行政复议工作稳步推进。');
    const { added } = importReview(edited, returnedFile(), '退回.docx');
    const lost = added.find((i) => i.author === '张科长' && i.kind === 'comment')!;
    expect(lost.anchor).toBeNull();
    expect(lost.unplacedReason).toBe('原文已改动，找不到这段文字');
    expect(lost.quote).toBe('41件');
  });

  it('does not repeat items of a file imported before', () => {
    const first = importReview(draft(), returnedFile(), '退回.docx');
    const again = importReview(first.doc, returnedFile(), '退回.docx');
    expect(again.added).toHaveLength(0);
    expect(again.summary.repeated).toBe(first.added.length);
  });
});

describe('the .fzbg format with review items', () => {
  it('opens a version-1 file (no review items) and round-trips version 2 with them', () => {
    const v1 = JSON.stringify({ format: 'fzbg', version: 1, ...draft() });
    expect(parseDocument(v1).review).toBeUndefined();
    const { doc } = importReview(draft(), returnedFile(), '退回.docx');
    const text = serializeDocument(doc);
    expect(JSON.parse(text).version).toBe(2);
    expect(parseDocument(text)).toEqual(doc);
  });
});

describe('the review command and the capped child', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'fzbg-review-cli-'));
    writeFileSync(join(work, 'draft.fzbg'), serializeDocument(draft()));
    writeFileSync(join(work, 'returned.docx'), returnedFile());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = async (args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const out = new PassThrough();
    const err = new PassThrough();
    let o = '';
    let e = '';
    out.on('data', (c: Buffer) => (o += c.toString()));
    err.on('data', (c: Buffer) => (e += c.toString()));
    const code = await runReview(args, { out, err });
    return { code, out: o, err: e };
  };

  it('merges the returned file and lists what it could not place', async () => {
    const { code, out } = await run([join(work, 'draft.fzbg'), join(work, 'returned.docx'), '-o', join(work, 'merged.fzbg')]);
    expect(code).toBe(0);
    expect(out).toMatch(/已导入 \d+ 条审阅意见（批注 3 条、修订 \d+ 条），其中 \d+ 条已对应到正文，1 条未能定位/);
    expect(out).toContain('[批注] 王五：“落款用全称。”');
    const merged = parseDocument(readFileSync(join(work, 'merged.fzbg'), 'utf8'));
    expect(merged.review!.length).toBeGreaterThan(5);
    expect(merged.body).toEqual(draft().body);
  }, 30_000);

  it('refuses what is not a Word file with a Chinese message, writing nothing', async () => {
    writeFileSync(join(work, 'fake.docx'), 'not a zip');
    const { code, err } = await run([join(work, 'draft.fzbg'), join(work, 'fake.docx'), '-o', join(work, 'never.fzbg')]);
    expect(code).toBe(2);
    expect(err).toMatch(/不是 Office Open XML 压缩包/);
    await expect(run([join(work, 'draft.fzbg'), join(work, 'returned.docx'), '-o', join(work, 'merged.fzbg')])).resolves.toMatchObject({ code: 2 });
  }, 30_000);

  it('stops the child at its time limit with a Chinese message', async () => {
    const failure = await importReviewInWorker(draft(), returnedFile(), 'slow.docx', { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect((failure as Error).message).toMatch(/超过 \d+ 秒仍未完成/);
  }, 30_000);
});
