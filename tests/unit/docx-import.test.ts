// Word import: export → import gives back the same structure and words (both real fixtures, every built-in template,
// a document with every feature); documents written elsewhere (no styles, outline levels, comments, tracked
// changes) come in with notes; hostile and wrong files are refused with a clear Chinese error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';
import fc from 'fast-check';
import { SEED, fuzzRuns } from '../setup/fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/docx/export';
import { importDocx, PackageError } from '../../shared/docx/import';
import { UserFacingError } from '../../shared/ipc/contract';
import { ReportDocument, heading, paragraph } from '../../shared/model/schema';
import { importDocxInWorker } from '../../main/services/docxImport';
import { loadDocumentFromFile } from '../../main/services/loadDocument';
import { FIXTURE_NAMES, featureDoc, fixtureDoc, printedStructureOf, structureOf, table, templateDocs } from './helpers/docxDocs';
import { tempDir } from '../support/tempDir';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CT_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';

/** A minimal package as another word processor writes it: the given body XML, optional styles and comments. */
function hostDocx(bodyXml: string, extra: { styles?: string; comments?: string; numbering?: string; files?: Zippable } = {}): Uint8Array {
  const overrides = [`<Override PartName="/word/document.xml" ContentType="${CT_MAIN}"/>`];
  const rels = [];
  const files: Zippable = {};
  if (extra.styles) {
    files['word/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="${W}">${extra.styles}</w:styles>`);
    overrides.push('<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>');
    rels.push('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>');
  }
  if (extra.comments) {
    files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W}">${extra.comments}</w:comments>`);
    overrides.push('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    rels.push('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>');
  }
  if (extra.numbering) {
    files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}">${extra.numbering}</w:numbering>`);
    overrides.push('<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>');
    rels.push('<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
  }
  return zipSync({
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`),
    ...files,
    ...extra.files,
  });
}

const p = (text: string, pPr = ''): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('round trip: export then import gives back the same structure and words', () => {
  const cases = [
    ...FIXTURE_NAMES.map((name) => ({ name, doc: fixtureDoc(name) })),
    { name: 'feature document (every level, run-in headings, a table, attachments)', doc: featureDoc() },
    ...templateDocs().map((doc) => ({ name: `template ${doc.id}`, doc })),
  ];
  it.each(cases)('$name', async ({ doc }) => {
    const { doc: back, notes } = importDocx(await exportDocx(doc));
    expect(ReportDocument.safeParse(back).success).toBe(true);
    expect(structureOf(back.body)).toEqual(printedStructureOf(doc.body));
    expect(back.meta.title).toBe(doc.meta.title);
    expect(back.meta.addressee).toBe(doc.meta.addressee);
    expect(back.meta.signature).toBe((doc.meta.signature || doc.meta.organ).trim());
    expect(back.meta.organ).toBe(doc.meta.organ);
    expect(back.meta.date).toBe(doc.meta.date);
    expect(back.meta.year).toBe(doc.meta.year);
    expect(back.meta.attachments ?? []).toEqual(doc.meta.attachments ?? []);
    expect(notes.filter((n) => n.severity === 'warning')).toEqual([]);
  });

  it('tags the mandated parts again on import', async () => {
    const { doc } = importDocx(await exportDocx(featureDoc()));
    const tagged = doc.body.flatMap((b) => (b.type === 'heading' && b.parts ? [[b.children[0]!.text, b.parts]] : []));
    expect(tagged).toEqual(expect.arrayContaining([
      ['2024年推进法治政府建设的主要举措和成效', expect.arrayContaining(['achievements'])],
      ['存在的不足和原因', ['shortcomings']],
      ['2025年推进法治政府建设的主要安排', ['plans']],
    ]));
  });
});

describe('documents written in Word or WPS by hand', () => {
  it('reads headings from written markers, a centred title, 主送, a right-aligned signature and the date (no styles at all)', () => {
    const bytes = hostDocx(
      [
        p('某某县人民政府', '<w:jc w:val="center"/>'),
        p('关于2024年度法治政府建设情况的报告', '<w:jc w:val="center"/>'),
        p(''),
        p('某某市人民政府：'),
        p('　　2024年，我县深入学习贯彻习近平法治思想。现将有关情况报告如下：'),
        p('　　一、主要举措和成效'),
        p('　　（一）加强组织领导。县政府常务会议专题研究法治建设4次。'),
        p('　　1.完善制度体系'),
        p('　　（1）规范性文件管理'),
        p('　　全年审核规范性文件12件。'),
        p('　　二、存在的不足和原因'),
        p('　　基层执法力量不足。'),
        p(''),
        p('某某县人民政府', '<w:jc w:val="right"/>'),
        p('2025年3月1日', '<w:jc w:val="right"/>'),
      ].join(''),
    );
    const { doc, notes } = importDocx(bytes);
    expect(doc.meta).toMatchObject({ title: '某某县人民政府关于2024年度法治政府建设情况的报告', addressee: '某某市人民政府', organ: '某某县人民政府', signature: '某某县人民政府', date: '2025-03-01', year: 2024 });
    expect(structureOf(doc.body)).toEqual([
      { paragraph: '2024年，我县深入学习贯彻习近平法治思想。现将有关情况报告如下：' },
      { heading: 1, runIn: false, text: '主要举措和成效' },
      { heading: 2, runIn: true, text: '加强组织领导。' },
      { paragraph: '县政府常务会议专题研究法治建设4次。' },
      { heading: 3, runIn: false, text: '完善制度体系' },
      { heading: 4, runIn: false, text: '规范性文件管理' },
      { paragraph: '全年审核规范性文件12件。' },
      { heading: 1, runIn: false, text: '存在的不足和原因' },
      { paragraph: '基层执法力量不足。' },
    ]);
    expect(notes.filter((n) => n.severity === 'warning')).toEqual([]);
  });

  it('reads headings by style name (标题 1 / heading 2), by outline level, and strips the written marker', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题 2"/></w:style>' +
      '<w:style w:type="paragraph" w:styleId="my3"><w:name w:val="我的三级"/><w:basedOn w:val="a5"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>';
    const bytes = hostDocx(
      [
        p('某某局2024年法治政府建设年度报告', '<w:jc w:val="center"/>'),
        p('一、主要举措和成效', '<w:pStyle w:val="1"/>'),
        p('（一）依法履职', '<w:pStyle w:val="a5"/>'),
        p('深化改革', '<w:pStyle w:val="my3"/>'),
        p('规范执法', '<w:outlineLvl w:val="3"/>'),
        p('正文段落。'),
      ].join(''),
      { styles },
    );
    const { doc } = importDocx(bytes);
    expect(structureOf(doc.body)).toEqual([
      { heading: 1, runIn: false, text: '主要举措和成效' },
      { heading: 2, runIn: false, text: '依法履职' },
      { heading: 3, runIn: false, text: '深化改革' },
      { heading: 4, runIn: false, text: '规范执法' },
      { paragraph: '正文段落。' },
    ]);
    expect(doc.meta.title).toBe('某某局2024年法治政府建设年度报告');
  });

  it('reads headings numbered by Word’s automatic numbering (一、 （一） 1.), not bullets', () => {
    const lvl = (ilvl: number, fmt: string, text: string): string => `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.')}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const numbered = (ilvl: number, numId = 1): string => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
    const bytes = hostDocx(
      [
        p('某某局关于2024年度法治政府建设情况的报告', '<w:jc w:val="center"/>'),
        p('主要举措和成效', numbered(0)),
        p('加强组织领导。召开专题会议4次。', numbered(1)),
        p('完善制度', numbered(2)),
        p('要点一', numbered(0, 2)),
        p('存在的不足和原因', numbered(0)),
      ].join(''),
      { numbering },
    );
    expect(structureOf(importDocx(bytes).doc.body)).toEqual([
      { heading: 1, runIn: false, text: '主要举措和成效' },
      { heading: 2, runIn: true, text: '加强组织领导。' },
      { paragraph: '召开专题会议4次。' },
      { heading: 3, runIn: false, text: '完善制度' },
      { paragraph: '要点一' },
      { heading: 1, runIn: false, text: '存在的不足和原因' },
    ]);
  });

  it('reports comments and tracked changes (taking the text with the changes accepted), pictures and footnotes', () => {
    const body =
      p('某某局关于2024年度法治政府建设情况的报告', '<w:jc w:val="center"/>') +
      '<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>全年办理行政复议案件</w:t></w:r><w:del w:id="1" w:author="审核人"><w:r><w:delText>30</w:delText></w:r></w:del><w:ins w:id="2" w:author="审核人"><w:r><w:t>36</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>' +
      '<w:p><w:r><w:t>见附图。</w:t></w:r><w:r><w:drawing/></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>';
    const comments = '<w:comment w:id="0" w:author="科长"><w:p><w:r><w:t>请核实案件数</w:t></w:r></w:p></w:comment>';
    const { doc, notes } = importDocx(hostDocx(body, { comments }));
    expect(structureOf(doc.body)).toEqual([{ paragraph: '全年办理行政复议案件36件。' }, { paragraph: '见附图。' }]);
    const messages = notes.map((n) => n.message).join('\n');
    expect(messages).toContain('插入 1 处、删除 1 处');
    expect(messages).toContain('接受全部修订');
    expect(messages).toContain('1 条批注（“请核实案件数”）');
    expect(messages).toContain('1 个图片');
    expect(messages).toContain('1 个脚注');
    expect(notes.find((n) => n.message.includes('批注'))!.severity).toBe('warning');
  });

  it('keeps a table as a table block, cell lines and all', () => {
    const cell = (t: string): string => `<w:tc>${t.split('\n').map((l) => p(l)).join('')}</w:tc>`;
    const body = p('某某局关于2024年度法治政府建设情况的报告', '<w:jc w:val="center"/>') + `<w:tbl><w:tr>${cell('指标')}${cell('数值')}</w:tr><w:tr>${cell('复议')}${cell('36件\n其中纠错3件')}</w:tr></w:tbl>` + p('正文。');
    const { doc } = importDocx(hostDocx(body));
    expect(structureOf(doc.body)).toEqual([{ table: [['指标', '数值'], ['复议', '36件\n其中纠错3件']] }, { paragraph: '正文。' }]);
  });
});

describe('embedded parts (w:altChunk) are imported or named, never silently lost', () => {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const AF = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk';
  /** A formatted document whose body holds altChunk elements for the given parts. */
  function withChunks(parts: { id: string; target: string; type?: string; data?: string; external?: boolean }[]): Uint8Array {
    const body = p('某某局关于2024年度法治政府建设情况的报告', '<w:jc w:val="center"/>') + p('一、主要举措和成效') + parts.map((c) => `<w:altChunk r:id="${c.id}"/>`).join('') + p('全年办理案件12件。');
    const types = parts.filter((c) => c.type).map((c) => `<Override PartName="/word/${c.target}" ContentType="${c.type}"/>`).join('');
    const rels = parts.map((c) => `<Relationship Id="${c.id}" Type="${AF}" Target="${c.target}"${c.external ? ' TargetMode="External"' : ''}/>`).join('');
    const files: Zippable = {};
    for (const c of parts) if (c.data !== undefined) files[`word/${c.target}`] = strToU8(c.data);
    return zipSync({
      '[Content_Types].xml': strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT_MAIN}"/>${types}</Types>`),
      'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`),
      ...files,
    });
  }

  it('reads HTML (entities, blocks; not its head, scripts, styles or comments) and plain text where they stand, with a note', () => {
    const html = '<html><head><title>标题栏文字</title><style>p{}</style><script>var a = "<p>脚本</p>";</script></head><body><!-- 注释 --><p>（一）加强执法监督。全年评查案卷&#56;6卷&nbsp;。</p><div>落实<b>“谁执法谁普法”</b>责任制。</div></body></html>';
    const { doc, notes } = importDocx(withChunks([
      { id: 'c1', target: 'a.htm', type: 'text/html', data: html },
      { id: 'c2', target: 'b.txt', type: 'text/plain', data: '年内开展普法活动36场次。\r\n' },
      { id: 'c3', target: 'c.xhtml', type: 'application/xhtml+xml', data: '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>网上可办率达99%。</p></body></html>' },
    ]));
    expect(structureOf(doc.body)).toEqual([
      { heading: 1, runIn: false, text: '主要举措和成效' },
      { heading: 2, runIn: true, text: '加强执法监督。' },
      { paragraph: '全年评查案卷86卷 。' },
      { paragraph: '落实“谁执法谁普法”责任制。' },
      { paragraph: '年内开展普法活动36场次。' },
      { paragraph: '网上可办率达99%。' },
      { paragraph: '全年办理案件12件。' },
    ]);
    expect(notes.find((n) => n.message.includes('嵌入的外部内容'))!.message).toContain('3 处');
    for (const unseen of ['脚本', '标题栏文字', '注释']) expect(JSON.stringify(doc)).not.toContain(unseen);
  });

  it('names every part it cannot read: MHT, RTF, an embedded Word file, an external link, a missing part', () => {
    const { doc, notes } = importDocx(withChunks([
      { id: 'm', target: 'a.mht', type: 'message/rfc822', data: 'MIME-Version: 1.0' },
      { id: 'r', target: 'b.rtf', type: 'application/rtf', data: '{\\rtf1 x}' },
      { id: 'd', target: 'c.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', data: 'PK' },
      { id: 'e', target: 'http://127.0.0.1:9/x.htm', external: true },
      { id: 'g', target: 'gone.htm', type: 'text/html' },
    ]));
    const warning = notes.find((n) => n.message.includes('无法导入'))!;
    expect(warning.severity).toBe('warning');
    expect(warning.message).toContain('5 处');
    for (const what of ['MHT 网页归档“a.mht”', 'RTF 文档“b.rtf”', 'Word 文档“c.docx”', '链接到文档之外', '“gone.htm”在文件中不存在']) expect(warning.message).toContain(what);
    expect(structureOf(doc.body)).toEqual([{ heading: 1, runIn: false, text: '主要举措和成效' }, { paragraph: '全年办理案件12件。' }]);
  });

  it('reads a part through the same caps as the rest of the package', () => {
    expect(() => importDocx(withChunks([{ id: 'c', target: 'big.htm', type: 'text/html', data: '<p>字</p>'.repeat(200_000) }]), { maxTotalBytes: 1024 * 1024 })).toThrow(PackageError);
  });
});

describe('wrong and hostile files get a clear Chinese error', () => {
  const expectError = (f: () => unknown, pattern: RegExp): void => {
    let error: unknown;
    try {
      f();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PackageError);
    expect((error as Error).message).toMatch(pattern);
    expect((error as Error).message).toMatch(/[\u4e00-\u9fa5]/);
  };

  it('refuses an Excel workbook renamed to .docx', () => {
    const xlsx = zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    expectError(() => importDocx(xlsx), /Excel 表格文件/);
  });

  it('refuses text, an old .doc and a truncated package', async () => {
    expectError(() => importDocx(strToU8('这只是一段文字，不是 Word 文档。')), /不是 Office Open XML/);
    expectError(() => importDocx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])), /旧版 Word 文档/);
    const good = await exportDocx(featureDoc());
    expectError(() => importDocx(good.subarray(0, Math.floor(good.length / 2))), /损坏/);
  });

  it('refuses a DOCTYPE (no entity can be declared or fetched)', () => {
    const xxe = hostDocx('', {
      files: { 'word/document.xml': strToU8(`<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`) },
    });
    expectError(() => importDocx(xxe), /DOCTYPE/);
  });

  it('refuses XML nested deeper than the cap', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(300) + p('正文') + '</w:sdtContent></w:sdt>'.repeat(300);
    expectError(() => importDocx(hostDocx(deep)), /嵌套层次过深/);
  });

  it('refuses too many entries, a too large entry and a too large total, before inflating', () => {
    const many: Zippable = {};
    for (let i = 0; i < 50; i++) many[`word/media/x${i}.xml`] = strToU8('<x/>');
    expectError(() => importDocx(hostDocx(p('正文'), { files: many }), { maxEntries: 40 }), /条目过多/);
    const big = hostDocx(p('正文'), { files: { 'word/big.xml': new Uint8Array(2 * 1024 * 1024) } });
    expectError(() => importDocx(big, { maxEntryBytes: 1024 * 1024 }), /解压后过大/);
    expectError(() => importDocx(big, { maxTotalBytes: 1024 * 1024 }), /总大小超过/);
  });

  it('stops inflating when an entry inflates past its declared size (a zip bomb that lies)', () => {
    const bytes = hostDocx(p('正文'.repeat(2000)));
    // Shrink the declared uncompressed size of word/document.xml in the central directory to 100 bytes.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const decoder = new TextDecoder();
    let patched = false;
    for (let o = 0; o + 46 < bytes.length; o++) {
      if (view.getUint32(o, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(o + 28, true);
      if (decoder.decode(bytes.subarray(o + 46, o + 46 + nameLength)) === 'word/document.xml') {
        view.setUint32(o + 24, 100, true);
        patched = true;
      }
    }
    expect(patched).toBe(true);
    expectError(() => importDocx(bytes), /超出声明的大小/);
  });
});

describe('the import runs in a child process with a heap cap and a timeout', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('docx');
  });

  it('imports an exported report through loadDocumentFromFile (the path check, outline and import take)', async () => {
    const file = join(dir, '报告.docx');
    writeFileSync(file, await exportDocx(featureDoc()));
    const loaded = await loadDocumentFromFile(file);
    expect(loaded.kind).toBe('docx');
    expect(structureOf(loaded.doc.body)).toEqual(structureOf(featureDoc().body));
  });

  it('turns a refused file into a UserFacingError naming the file', async () => {
    const file = join(dir, '表格.docx');
    writeFileSync(file, zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>') }));
    await expect(loadDocumentFromFile(file)).rejects.toThrow(/无法导入“表格\.docx”：这是 Excel 表格文件/);
    await expect(loadDocumentFromFile(file)).rejects.toBeInstanceOf(UserFacingError);
  });

  it('stops at the timeout with a Chinese error', async () => {
    const bytes = await exportDocx(fixtureDoc('yangjiang-2024-webpage.txt'));
    await expect(importDocxInWorker(bytes, '慢.docx', { timeoutMs: 1 })).rejects.toThrow(/超过 0 秒仍未完成|超过 \d+ 秒仍未完成/);
  });

  it('stops at the memory cap with a Chinese error instead of crashing', async () => {
    // A document.xml of ~60 MB of tiny paragraphs builds a tree far larger than a 16 MB heap.
    const para = '<w:p><w:r><w:t>字</w:t></w:r></w:p>';
    const bytes = hostDocx(para.repeat(1_600_000));
    await expect(importDocxInWorker(bytes, '巨大.docx', { memoryMb: 16, timeoutMs: 60_000 })).rejects.toThrow(/超出了允许的内存（16 MB）/);
  });
});

describe('round trip of any document the editor can hold (property)', () => {
  // Words without surrounding spaces (the importer trims whitespace); they may start like a marker, end with a colon
  // or read like a date: the exporter's own styles, not the wording, decide what each paragraph is.
  const piece = fc.constantFrom('法治', '政府', '建设', '，', '。', '“', '”', '2024年', '（一）', '1.', '一、', '12345热线', '：', '3月1日', '100%', '《纲要》', 'A', '、', '—');
  const words = fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join('')).filter((t) => t.trim() === t && t.length > 0);
  const headingText = words.map((t) => t.replace(/。/g, '')).filter((t) => t.length > 0);
  const block = fc.oneof(
    fc.record({ level: fc.constantFrom(1, 2, 3, 4), text: headingText }).map(({ level, text }) => [heading(level as 1 | 2 | 3 | 4, text)]),
    fc.record({ level: fc.constantFrom(2, 3, 4), text: headingText, body: words }).map(({ level, text, body }) => [heading(level as 2 | 3 | 4, `${text}。`, { runIn: true }), paragraph(body)]),
    words.map((t) => [paragraph(t)]),
    fc.array(fc.array(words, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => [table(rows)]),
  );
  const meta = fc.record({
    organ: fc.constantFrom('某某县司法局', '某某市人民政府', ''),
    title: fc.constantFrom('某某县司法局关于2024年度法治政府建设情况的报告', '2024年法治政府建设年度报告'),
    addressee: fc.constantFrom('', '某某市人民政府'),
    date: fc.constantFrom('', '2025-03-01', '2025-12-31'),
    attachments: fc.array(headingText, { maxLength: 2 }),
  });

  it('gives back the same blocks, words and meta', async () => {
    await fc.assert(
      fc.asyncProperty(meta, fc.array(block, { minLength: 1, maxLength: 12 }), async (m, blocks) => {
        const doc: ReportDocument = {
          id: 'p',
          meta: { organ: m.organ, year: 2024, title: m.title, addressee: m.addressee, date: m.date, signature: m.organ, ...(m.attachments.length ? { attachments: m.attachments } : {}) },
          body: blocks.flat(),
          ignores: [],
          rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [] },
        };
        const { doc: back } = importDocx(await exportDocx(doc));
        expect(structureOf(back.body)).toEqual(structureOf(doc.body));
        expect(back.meta.title).toBe(doc.meta.title);
        expect(back.meta.addressee).toBe(doc.meta.addressee);
        expect(back.meta.date).toBe(doc.meta.date);
        expect(back.meta.signature).toBe(doc.meta.signature || back.meta.organ);
        expect(back.meta.attachments ?? []).toEqual(m.attachments);
      }),
      { numRuns: fuzzRuns(60), seed: SEED },
    );
  });
});
