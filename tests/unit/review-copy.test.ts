// The review copy (审阅稿) and the loop through LibreOffice: findings as Word 2016+ comments on their text, the export's
// text and section properties unchanged, schema-valid parts; LibreOffice keeps every comment on its text; a reviewer's
// comments and tracked changes written by LibreOffice come back, and accepting / rejecting them all gives
// LibreOffice's own accepted / rejected text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, ignoreFinding } from '../../shared/check/engine';
import type { CheckResult } from '../../shared/check/types';
import { exportDocx } from '../../shared/docx/export';
import { importReview } from '../../shared/docx/review/importReview';
import { printedParagraphs } from '../../shared/docx/review/printed';
import { APPENDIX_HEADING, REVIEW_AUTHOR, buildReviewCopy } from '../../shared/docx/review/reviewCopy';
import { decideAll } from '../../shared/model/reviewOps';
import { paragraph, type ReportDocument } from '../../shared/model/schema';
import { featureDoc, packageParts, table, validateDocx } from './helpers/docxDocs';
import { odfAnnotations, sofficeConvert, sofficeDecideAll, textLines } from './helpers/libreoffice';
import { removeDir, tempDir } from '../support/tempDir';

const NOW = new Date('2026-12-02T09:00:00Z');

/** The feature document with findings in a paragraph, a run-in paragraph, a heading and a table cell. */
function reviewedDoc(): ReportDocument {
  const doc = featureDoc();
  doc.body[0] = paragraph('2024年，我局坚持以习近平新时代中国特色社会主义思想为指导，，深入学习贯彻习近平法治思想。');
  doc.body[3] = paragraph('局党组书记认真履行推进法治建设第一责任人职责。。全年召开党组会议专题研究法治建设4次。');
  doc.body[8] = { type: 'heading', level: 4, children: [{ text: '规范涉企检查，，' }] };
  doc.body[12] = table([['指标', '2023年', '2024年'], ['行政复议收案（件）', '36', '41'], ['行政机关负责人出庭应诉率', '98.5%', '100%，，']]);
  return doc;
}

const paragraphsOf = (xml: string): string[] =>
  (xml.match(/<w:p\b[^>]*>[\s\S]*?<\/w:p>|<w:p\/>/g) ?? []).map((p) => (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''));
const sectPr = (xml: string): string => /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(xml)![0];

describe('the review copy', () => {
  let doc: ReportDocument;
  let check: CheckResult;
  let parts: Record<string, string>;
  let plain: Record<string, string>;

  beforeAll(async () => {
    doc = reviewedDoc();
    const first = createChecker().check(doc);
    // One finding ignored with a reason: it leaves the comments and goes to the appendix.
    doc = ignoreFinding(doc, first.findings.find((f) => f.path.length === 3)!, '表内百分号为原始统计口径，保留', NOW);
    check = createChecker().check(doc);
    parts = packageParts(await buildReviewCopy(doc, check, { now: NOW }));
    plain = packageParts(await exportDocx(doc));
  });

  it('has findings in a paragraph, a run-in paragraph and a heading, and one ignored in a table cell', () => {
    expect(check.findings.some((f) => f.path[0] === 0)).toBe(true);
    expect(check.findings.some((f) => f.path[0] === 3)).toBe(true);
    expect(check.findings.filter((f) => f.path[0] === 8)).toHaveLength(2);
    expect(check.ignored).toHaveLength(1);
    expect(check.ignored[0]!.path).toHaveLength(3);
  });

  it('keeps the export\'s text, paragraph by paragraph, and its section properties', () => {
    expect(paragraphsOf(parts['word/document.xml']!)).toEqual(paragraphsOf(plain['word/document.xml']!));
    expect(sectPr(parts['word/document.xml']!)).toBe(sectPr(plain['word/document.xml']!));
    for (const name of ['word/styles.xml', 'word/settings.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/fontTable.xml']) expect(parts[name]).toBe(plain[name]);
  });

  it('writes one comment per open finding plus the summary, as Word 2016+ does', () => {
    const xml = parts['word/comments.xml']!;
    const comments = xml.match(/<w:comment [^>]*>/g)!;
    expect(comments).toHaveLength(check.findings.length + 1);
    for (const c of comments) {
      expect(c).toContain(`w:author="${REVIEW_AUTHOR}"`);
      expect(c).toContain('w:date="2026-12-02T09:00:00Z"');
    }
    const paraIds = [...xml.matchAll(/<w:comment [^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => [...m[1]!.matchAll(/w14:paraId="([0-9A-F]{8})"/g)].pop()![1]);
    const ex = [...parts['word/commentsExtended.xml']!.matchAll(/w15:paraId="([0-9A-F]{8})"[^>]*w15:done="0"/g)].map((m) => m[1]);
    expect(ex).toEqual(paraIds);
    const ids = [...parts['word/commentsIds.xml']!.matchAll(/w16cid:paraId="([0-9A-F]{8})"/g)].map((m) => m[1]);
    expect(ids).toEqual(paraIds);
    expect(parts['word/people.xml']).toContain(`w15:author="${REVIEW_AUTHOR}"`);
    for (const part of ['comments', 'commentsExtended', 'commentsIds', 'commentsExtensible', 'people']) {
      expect(parts['[Content_Types].xml']).toContain(`PartName="/word/${part}.xml"`);
      expect(parts['word/_rels/document.xml.rels']).toContain(`Target="${part}.xml"`);
    }
    const doc0 = parts['word/document.xml']!;
    expect(doc0.match(/<w:commentRangeStart /g)).toHaveLength(comments.length);
    expect(doc0.match(/<w:commentRangeEnd /g)).toHaveLength(comments.length);
    expect(doc0.match(/<w:commentReference /g)).toHaveLength(comments.length);
    expect(xml).toContain('建议改为：“，”');
    expect(xml).toMatch(/未处理的问题共 \d+ 条/);
  });

  it('validates against the OOXML schemas, comment parts included', async () => {
    const { code, output } = validateDocx(await buildReviewCopy(doc, check, { now: NOW, ignoredAppendix: true }));
    expect(output).toContain('OK    word/commentsExtended.xml');
    expect(output).toContain('OK    word/commentsIds.xml');
    expect(output).toContain('OK    word/commentsExtensible.xml');
    expect(output).toContain('OK    word/people.xml');
    expect(code, output).toBe(0);
  });

  it('appends the ignored findings with their reasons on request, after the text, which stays the same', async () => {
    const withAppendix = packageParts(await buildReviewCopy(doc, check, { now: NOW, ignoredAppendix: true }));
    const paras = paragraphsOf(withAppendix['word/document.xml']!);
    const at = paras.indexOf(APPENDIX_HEADING);
    expect(at).toBeGreaterThan(0);
    expect(paras.slice(0, at)).toEqual(paragraphsOf(plain['word/document.xml']!));
    expect(paras.slice(at)).toContain('表内百分号为原始统计口径，保留');
    expect(sectPr(withAppendix['word/document.xml']!)).toBe(sectPr(plain['word/document.xml']!));
  });
});

describe('the loop through LibreOffice', () => {
  let work: string;
  let doc: ReportDocument;
  let check: CheckResult;
  let fodt: string;

  beforeAll(async () => {
    work = tempDir('review');
    doc = reviewedDoc();
    check = createChecker().check(doc);
    writeFileSync(join(work, 'copy.docx'), await buildReviewCopy(doc, check, { now: NOW }));
    sofficeConvert(join(work, 'profile'), join(work, 'copy.docx'), 'fodt', work);
    fodt = readFileSync(join(work, 'copy.fodt'), 'utf8');
  }, 300_000);

  afterAll(() => {
    if (work) removeDir(work);
  });

  it('keeps every comment on the text it was anchored on', () => {
    const notes = odfAnnotations(fodt);
    expect(notes).toHaveLength(check.findings.length + 1);
    const titleText = printedParagraphs(doc).filter((p) => p.kind === 'title').map((p) => p.text).join('\n');
    expect(notes[0]!.text).toMatch(/^法治年报助手检查结果/);
    expect(notes[0]!.anchored).toBe(titleText);
    check.findings.forEach((f, i) => {
      const note = notes[i + 1]!;
      expect(note.author).toBe(REVIEW_AUTHOR);
      expect(note.text).toContain(f.message);
      expect(note.anchored).toBe(f.path.length > 0 || f.onTitle ? f.text : titleText);
    });
  });

  it('brings back the comments and tracked changes a reviewer made in LibreOffice; accept all / reject all match LibreOffice', () => {
    // The reviewer's edits, written in LibreOffice's own format and saved by LibreOffice as .docx.
    const info = '<office:change-info><dc:creator>王审核</dc:creator><dc:date>2026-12-03T10:00:00</dc:date></office:change-info>';
    const region = (id: string, body: string): string => `<text:changed-region xml:id="${id}" text:id="${id}">${body}</text:changed-region>`;
    const changes =
      '<text:tracked-changes text:track-changes="true">' +
      region('ct1', `<text:deletion>${info}<text:p>，</text:p></text:deletion>`) +
      region('ct2', `<text:insertion>${info}</text:insertion>`) +
      region('ct3', `<text:insertion>${info}</text:insertion>`) +
      region('ct4', `<text:deletion>${info}<text:p>36</text:p></text:deletion>`) +
      region('ct5', `<text:insertion>${info}</text:insertion>`) +
      '</text:tracked-changes>';
    let edited = fodt.replace(/<office:text\b[^>]*>/, (m) => m + changes);
    const replaceOnce = (from: string, to: string): void => {
      expect(edited.split(from)).toHaveLength(2);
      edited = edited.replace(from, to);
    };
    // The doubled comma of the first paragraph (the heading has one too).
    const doubled = />，，<\/text:span>(?=(?:(?!<\/text:p>)[\s\S])*深入学习贯彻)/;
    expect(doubled.test(edited)).toBe(true);
    edited = edited.replace(doubled, '>，<text:change text:change-id="ct1"/></text:span>');
    replaceOnce('深入学习贯彻习近平法治思想。', '<text:change-start text:change-id="ct2"/>全面<text:change-end text:change-id="ct2"/>深入学习贯彻习近平法治思想。');
    replaceOnce('平均减少跑动2.3次。</text:span></text:p>', '平均减少跑动2.3次。</text:span><text:change-start text:change-id="ct3"/></text:p><text:p text:style-name="Standard">全年办理各类事项1200件。<text:change-end text:change-id="ct3"/></text:p>');
    replaceOnce('动态调整权责清单事项212项', '<office:annotation office:name="rv1"><dc:creator>李处长</dc:creator><dc:date>2026-12-03T11:00:00</dc:date><text:p>请核实这个数字。</text:p></office:annotation>动态调整权责清单事项212项<office:annotation-end office:name="rv1"/>');
    replaceOnce('>36</text:span>', '><text:change text:change-id="ct4"/><text:change-start text:change-id="ct5"/>38<text:change-end text:change-id="ct5"/></text:span>');
    writeFileSync(join(work, 'returned.fodt'), edited);
    sofficeConvert(join(work, 'profile'), join(work, 'returned.fodt'), 'docx:MS Word 2007 XML', join(work, 'out'));
    const returned = join(work, 'out', 'returned.docx');
    sofficeDecideAll(join(work, 'profile'), returned, join(work, 'accepted.txt'), join(work, 'rejected.txt'));

    const result = importReview(doc, readFileSync(returned), 'returned.docx');
    expect(result.summary.unplaced).toBe(0);
    const comment = result.added.find((i) => i.kind === 'comment')!;
    expect(comment).toMatchObject({ author: '李处长', text: '请核实这个数字。', quote: '动态调整权责清单事项212项', anchor: { path: [6], start: 0, end: 14 } });
    // The checker's own comments came back unchanged and are not repeated as reviewer items.
    expect(result.added.filter((i) => i.author === REVIEW_AUTHOR)).toHaveLength(0);
    const kinds = result.added.filter((i) => i.kind !== 'comment').map((i) => [i.kind, i.text, i.author]);
    expect(kinds).toEqual([
      ['delete', '，', '王审核'], ['insert', '全面', '王审核'], ['insert', '全年办理各类事项1200件。', '王审核'], ['delete', '36', '王审核'], ['insert', '38', '王审核'],
    ]);
    expect(result.added.every((i) => i.date.startsWith('2026-12-03'))).toBe(true);

    const printedLines = (d: ReportDocument): string[] => printedParagraphs(d).map((p) => p.text).filter((t) => t.length > 0);
    expect(printedLines(decideAll(result.doc, 'accept'))).toEqual(textLines(readFileSync(join(work, 'accepted.txt'), 'utf8')));
    expect(printedLines(decideAll(result.doc, 'reject'))).toEqual(textLines(readFileSync(join(work, 'rejected.txt'), 'utf8')));
    expect(printedLines(decideAll(result.doc, 'reject'))).toEqual(printedLines(doc));
  }, 300_000);
});
