// Test material for the review import (Node tests and e2e): a small draft and the Word file a reviewer returns for it,
// hand-written in the shape Word 2016+ saves (w14:paraId, commentsExtended with w15:paraIdParent and w15:done).
import { strToU8, zipSync } from 'fflate';
import { emptyRuleSettings, heading, paragraph, type ReportDocument } from '../../../shared/model/schema';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';

export function draft(): ReportDocument {
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
export function returnedFile(): Uint8Array {
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

