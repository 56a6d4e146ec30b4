// 导入审阅意见 from files in the shape Word 2016+ writes (ECMA-376 plus w14/w15): comment threads with replies and
// 已解决, insertions, deletions, moves, run and paragraph property changes, whole paragraphs added or deleted; placed
// on a draft that changed since the export; unplaceable items kept apart; accept / reject one by one; the .fzbg
// migration; the `review` command and the capped child process.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importReview } from '../../shared/docx/review/importReview';
import { readReviewerFile } from '../../shared/docx/review/readReview';
import { UserFacingError } from '../../shared/ipc/contract';
import { FZBG_VERSION, parseDocument, serializeDocument } from '../../shared/model/format';
import { decideAll, decideReviewItem } from '../../shared/model/reviewOps';
import { leavesText, paragraph, type ReportDocument } from '../../shared/model/schema';
import { runReview } from '../../main/cli/review';
import { draft, returnedFile } from './helpers/reviewFiles';
import { importReviewInWorker } from '../../main/services/reviewImport';
import { tempDir } from '../support/tempDir';

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
  it('opens a version-1 file (no review items) and round-trips the current version with them', () => {
    const v1 = JSON.stringify({ format: 'fzbg', version: 1, ...draft() });
    expect(parseDocument(v1).review).toBeUndefined();
    const { doc } = importReview(draft(), returnedFile(), '退回.docx');
    const text = serializeDocument(doc);
    expect(JSON.parse(text).version).toBe(FZBG_VERSION);
    expect(parseDocument(text)).toEqual(doc);
  });
});

describe('the review command and the capped child', () => {
  let work: string;
  beforeAll(() => {
    work = tempDir('review-cli');
    writeFileSync(join(work, 'draft.fzbg'), serializeDocument(draft()));
    writeFileSync(join(work, 'returned.docx'), returnedFile());
  });

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

  it('names the kind of Office file it was given instead of a Word file (an Excel workbook, an old .doc)', () => {
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    });
    expect(() => readReviewerFile(xlsx)).toThrow(/这是 Excel 表格文件（.xlsx），不是 Word 文档/);
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => readReviewerFile(ole)).toThrow(/旧版 Word 文档（.doc）或加密的文档/);
  });

  it('stops the child at its time limit with a Chinese message', async () => {
    const failure = await importReviewInWorker(draft(), returnedFile(), 'slow.docx', { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect((failure as Error).message).toMatch(/超过 \d+ 秒仍未完成/);
  }, 30_000);
});
