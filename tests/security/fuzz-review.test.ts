// Property-based tests of the review import on hostile input (fixed seeds): a reviewer's file with bytes cut,
// inserted or replaced, and arbitrary markup in its body and comments, either imports into items the schema accepts
// or is refused with a PackageError (Chinese message); never another exception.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importReview } from '../../shared/docx/review/importReview';
import { PackageError } from '../../shared/docx/zip';
import { ReviewItem } from '../../shared/model/review';
import { draft, returnedFile } from '../unit/helpers/reviewFiles';

function importChecked(bytes: Uint8Array): void {
  try {
    const { added } = importReview(draft(), bytes, 'fuzz.docx');
    for (const item of added) expect(ReviewItem.safeParse(item).success).toBe(true);
  } catch (e) {
    expect(e).toBeInstanceOf(PackageError);
    expect((e as Error).message).toMatch(/[\u4e00-\u9fff]/);
  }
}

const TAGS = ['w:p', 'w:r', 'w:t', 'w:ins', 'w:del', 'w:delText', 'w:moveFrom', 'w:moveTo', 'w:commentRangeStart', 'w:commentRangeEnd', 'w:commentReference', 'w:pPr', 'w:rPr', 'w:rPrChange', 'w:tbl', 'w:tr', 'w:tc'];
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 8 }).map((t) => t.replace(/[<&]/g, '')),
    fc.tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.constantFrom('', ' w:id="0"', ' w:id="1" w:author="甲"', ' w:id="x"'))
      .map(([tag, kids, attrs]) => `<${tag}${attrs}>${kids.join('')}</${tag}>`),
  ),
})).node;

function packageWith(body: string, comments: string): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    'word/_rels/document.xml.rels': strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    'word/comments.xml': strToU8(`<?xml version="1.0"?><w:comments xmlns:w="${W}"><w:comment w:id="0" w:author="乙">${comments}</w:comment></w:comments>`),
  });
}

describe('the review import on hostile input', () => {
  it('a returned file with bytes cut, inserted or replaced (300 runs)', () => {
    const base = returnedFile();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length - 1 }), fc.integer({ min: 0, max: 64 }), fc.uint8Array({ maxLength: 32 }), (at, cut, insert) => {
        const bytes = new Uint8Array([...base.subarray(0, at), ...insert, ...base.subarray(Math.min(base.length, at + cut))]);
        importChecked(bytes);
      }),
      { numRuns: 300, seed: 18 },
    );
  });

  it('arbitrary nesting of paragraphs, runs, changes and comment marks (300 runs)', () => {
    fc.assert(
      fc.property(fc.array(markup, { maxLength: 6 }), markup, (body, comment) => importChecked(packageWith(body.join(''), comment))),
      { numRuns: 300, seed: 1818 },
    );
  });
});
