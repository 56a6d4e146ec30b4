// A new review copy carries the conversation back out (shared docx + LibreOffice): the reviewer's open comments
// and their replies (the drafter's too) go out as Word comment threads on the same text, resolved ones stay home,
// the file is schema-valid, LibreOffice shows each on its text, and importing the copy again adds nothing twice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker } from '../../shared/check/engine';
import { importReview } from '../../shared/docx/review/importReview';
import { readReviewerFile } from '../../shared/docx/review/readReview';
import { REVIEW_AUTHOR, buildReviewCopy } from '../../shared/docx/review/reviewCopy';
import type { ReportDocument } from '../../shared/model/schema';
import { packageParts, validateDocx } from './helpers/docxDocs';
import { odfAnnotations, sofficeConvert } from './helpers/libreoffice';
import { draft, returnedFile } from './helpers/reviewFiles';
import { removeDir, tempDir } from '../support/tempDir';

const NOW = new Date('2026-12-08T10:00:00Z');
const REPLY = { author: '某县司法局', date: '2026-12-07T16:20:00Z', text: '已改为具体措施，见修改稿。' };

/** The draft after 导入审阅意见 of the returned file, with the drafter's reply on 王五's open comment. */
function answered(): ReportDocument {
  const { doc } = importReview(draft(), returnedFile(), '退回.docx');
  return { ...doc, review: doc.review!.map((i) => (i.kind === 'comment' && i.text === '表述过于笼统。' ? { ...i, replies: [...i.replies, REPLY] } : i)) };
}

describe('a new review copy carries the open comments and their replies', () => {
  let doc: ReportDocument;
  let bytes: Uint8Array;
  let work: string;
  let fodt: string;

  beforeAll(async () => {
    doc = answered();
    bytes = await buildReviewCopy(doc, createChecker().check(doc), { now: NOW });
    work = tempDir('carry');
    writeFileSync(join(work, 'copy.docx'), bytes);
    sofficeConvert(join(work, 'profile'), join(work, 'copy.docx'), 'fodt', work);
    fodt = readFileSync(join(work, 'copy.fodt'), 'utf8');
  }, 300_000);

  afterAll(() => {
    if (work) removeDir(work);
  });

  it('writes the open threads on their text, the replies as replies (w15:paraIdParent), not the resolved ones', () => {
    const back = readReviewerFile(bytes);
    const reviewer = back.items.filter((i) => i.kind === 'comment' && i.author !== REVIEW_AUTHOR);
    // 落款用全称。 could not be placed on the draft (listed apart in the app): it has no text to go on.
    expect(reviewer.map((c) => [c.author, c.text])).toEqual([['王五', '表述过于笼统。']]);
    const thread = reviewer.find((c) => c.text === '表述过于笼统。')!;
    expect(thread.replies).toEqual([REPLY]);
    expect(thread.done).toBe(false);
    expect(back.paragraphs[thread.paragraph]!.original.slice(thread.start, thread.end)).toBe('执法队伍专业化水平有待提高。');
    // The 41件 thread was resolved in Word: it is not sent again.
    expect(back.items.some((i) => i.text.includes('41件'))).toBe(false);
    const parts = packageParts(bytes);
    expect(parts['word/commentsExtended.xml']).toMatch(/w15:paraIdParent="[0-9A-F]{8}"/);
    expect(parts['word/people.xml']).toContain('w15:author="王五"');
    expect(parts['word/people.xml']).toContain('w15:author="某县司法局"');
  });

  it('is valid against the OOXML schemas', () => {
    const { code, output } = validateDocx(bytes);
    expect(code, output).toBe(0);
  });

  it('shows in LibreOffice each comment and reply on the text it was on', () => {
    const notes = odfAnnotations(fodt);
    const onText = notes.filter((n) => n.author === '王五' || n.author === REPLY.author);
    expect(onText.find((n) => n.text === '表述过于笼统。')!.anchored).toBe('执法队伍专业化水平有待提高。');
    expect(onText.find((n) => n.text === REPLY.text)).toBeDefined();
  });

  it('imported again (the reviewer returns it unchanged), adds no item twice', () => {
    const again = importReview(doc, bytes, '第二轮.docx');
    expect(again.added.filter((i) => i.author !== REVIEW_AUTHOR)).toEqual([]);
  });
});
