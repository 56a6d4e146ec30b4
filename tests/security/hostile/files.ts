// The catalogue of hostile files (tests, Node): each entry writes its file into a folder the test owns. Only this
// generator is committed; the files themselves (up to 200 MB) exist only in the test's temporary folder.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { once } from 'node:events';
import { deflateBomb, entry, zip, type ZipEntry } from './zip';

const REPO = resolve(__dirname, '..', '..', '..');
export const FIXTURE_REPORTS = resolve(REPO, '..', 'shared', 'fixtures', 'reports');
export const JIANGHAI = join(FIXTURE_REPORTS, 'jianghai-2025-webpage.txt');

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export type Expectation =
  /** Must be refused: exit code 2 and a Chinese message. */
  | 'reject'
  /** A legitimate (if odd) document: may be imported, or refused with a Chinese message. */
  | 'either';

export interface HostileFile {
  id: string;
  /** What it is, for the report. */
  what: string;
  expect: Expectation;
  /** Writes the file into `dir`; returns its path and the paths it must never cause to exist (zip-slip targets). */
  create(dir: string): Promise<Created> | Created;
  /** Text that must never appear in any output (e.g. the contents of a file an external entity names). */
  forbiddenOutput?: RegExp;
  /** For a file that must import: what the imported document and the CLI's report must show (nothing lost silently). */
  imported?: { title?: string; text?: RegExp[]; said?: RegExp[] };
}
export interface Created {
  path: string;
  escapeTargets?: string[];
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The lines of a real published report (as copied from its web page), one `<w:p>` each. */
export function fixtureParagraphs(file = JIANGHAI): string {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`)
    .join('');
}

export function documentXml(body: string, doctype = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${doctype}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The package parts around word/document.xml that make a minimal valid .docx. */
export function docxSkeleton(): ZipEntry[] {
  return [entry('[Content_Types].xml', CONTENT_TYPES), entry('_rels/.rels', ROOT_RELS)];
}

/** A valid .docx of the real report: the base every zip-level attack is built on. */
export function validDocx(): Uint8Array {
  return zip([...docxSkeleton(), entry('word/document.xml', documentXml(fixtureParagraphs()))]);
}

function put(dir: string, name: string, bytes: Uint8Array | string): Created {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path };
}

/** A .fzbg document of the real report, written the way the app writes one (format envelope, version 1). */
export function fzbgOf(paragraphs: readonly string[], version = 1): string {
  const body = paragraphs.map((text) => ({ type: 'paragraph', children: [{ text }] }));
  return JSON.stringify({
    format: 'fzbg',
    version,
    id: 'hostile-test-document',
    meta: { organ: '江海区政务服务和数据管理局', year: 2025, title: '江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告', addressee: '区委、区政府', date: '2025-11-20', signature: '江海区政务服务和数据管理局' },
    body,
    ignores: [],
    rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [] },
  }, null, 1) + '\n';
}

export function fixtureLines(file = JIANGHAI): string[] {
  return readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

const GIB = 1024 * 1024 * 1024;
const BODY_PREFIX = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>`;

/** Our own sentences, embedded as the altChunk parts of a Word file. */
const CHUNK_HTML_SENTENCE = '全年组织执法人员旁听庭审活动6场次，参加人员达到210人次。';
const CHUNK_TEXT_SENTENCE = '年内完成行政执法案卷评查96卷，优秀率达到八成以上。';

/** A .docx of the real report whose body also embeds an HTML part, a plain-text part and an MHT part (w:altChunk). */
function altChunkDocx(): Uint8Array {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const chunk = (id: string) => `<w:altChunk r:id="${id}"/>`;
  // In the middle of the report (after its first achievements paragraphs), where such a part is pasted.
  const paragraphs = fixtureLines().map((l) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>`);
  const body = [...paragraphs.slice(0, 16), chunk('rIdHtml'), chunk('rIdText'), chunk('rIdMht'), ...paragraphs.slice(16)].join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`;
  const types = CONTENT_TYPES.replace('</Types>', '<Default Extension="htm" ContentType="text/html"/><Default Extension="txt" ContentType="text/plain"/><Default Extension="mht" ContentType="message/rfc822"/></Types>');
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
    [['rIdHtml', 'chunk1.htm'], ['rIdText', 'chunk2.txt'], ['rIdMht', 'chunk3.mht']]
      .map(([id, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" Target="${target}"/>`).join('')
  }</Relationships>`;
  const html = `<html><head><meta charset="utf-8"><style>p { color: red }</style><script>document.write('脚本文字')</script></head><body><p>（四）加强执法监督</p><p>${CHUNK_HTML_SENTENCE.replace('6', '&#54;')}</p></body></html>`;
  return zip([
    entry('[Content_Types].xml', types), entry('_rels/.rels', ROOT_RELS), entry('word/_rels/document.xml.rels', rels), entry('word/document.xml', doc),
    entry('word/chunk1.htm', html), entry('word/chunk2.txt', `${CHUNK_TEXT_SENTENCE}\r\n`), entry('word/chunk3.mht', 'MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n内嵌网页归档'),
  ]);
}

/** The real report as UTF-8 with six stray bytes planted: two encoded lone surrogates and a bare FF FE. */
function utf8WithStrayBytes(): Uint8Array {
  const text = readFileSync(JIANGHAI);
  const at = (n: number) => text.indexOf(0x0a, n) + 1;
  const a = at(2000);
  const b = at(6000);
  return Buffer.concat([text.subarray(0, a), Buffer.from([0xed, 0xa0, 0x80]), text.subarray(a, b), Buffer.from([0xed, 0xb0, 0x80]), text.subarray(b, at(9000)), Buffer.from([0xff, 0xfe]), text.subarray(at(9000))]);
}

const JIANGHAI_TITLE = '江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告';

export const HOSTILE_FILES: HostileFile[] = [
  {
    id: 'zip-bomb-honest',
    what: 'zip 炸弹：7 MB 的 .docx，word/document.xml 如实声明解压后 1 GiB',
    expect: 'reject',
    create: (dir) => {
      const bomb = deflateBomb(BODY_PREFIX, 0x20, Math.floor(GIB / 258));
      return put(dir, 'zip-bomb-honest.docx', zip([...docxSkeleton(), { name: 'word/document.xml', method: 8, ...bomb }]));
    },
  },
  {
    id: 'zip-bomb-lying',
    what: 'zip 炸弹：中央目录谎称 word/document.xml 只有 30 KB，实际解压 1 GiB',
    expect: 'reject',
    create: (dir) => {
      const bomb = deflateBomb(BODY_PREFIX, 0x20, Math.floor(GIB / 258));
      return put(dir, 'zip-bomb-lying.docx', zip([...docxSkeleton(), { name: 'word/document.xml', method: 8, ...bomb, size: 30_000, declaredSize: 30_000 }]));
    },
  },
  {
    id: 'zip-bomb-overlap',
    what: 'zip 炸弹：1.7 MB 的 .docx，16 个条目共用一段 256 MiB 的压缩数据，合计解压 4 GiB',
    expect: 'reject',
    create: (dir) => {
      const bomb = deflateBomb(BODY_PREFIX, 0x20, Math.floor(GIB / 4 / 258));
      const first: ZipEntry = { name: 'word/document.xml', method: 8, ...bomb };
      const others: ZipEntry[] = Array.from({ length: 15 }, (_, i) => ({ ...first, name: `word/header${i + 1}.xml`, sameDataAs: 2 }));
      return put(dir, 'zip-bomb-overlap.docx', zip([...docxSkeleton(), first, ...others]));
    },
  },
  {
    id: 'ten-thousand-entries',
    what: '10,000 个条目的 .docx（正文是真实报告）',
    expect: 'either',
    create: (dir) => {
      const filler = Array.from({ length: 10_000 - 3 }, (_, i) => entry(`customXml/item${i}.xml`, `<a>${i}</a>`, false));
      return put(dir, 'ten-thousand-entries.docx', zip([...docxSkeleton(), entry('word/document.xml', documentXml(fixtureParagraphs())), ...filler]));
    },
  },
  {
    id: 'zip-slip',
    what: '条目名含 ../、绝对路径、反斜杠和盘符的 .docx（zip slip）',
    expect: 'either',
    create: (dir) => {
      const tag = basename(dir);
      const absolute = resolve(dir, '..', '..', `fzbg-escape-${tag}-absolute.txt`);
      const names = [
        `../../fzbg-escape-${tag}-dotdot.txt`,
        `word/../../../fzbg-escape-${tag}-mid.txt`,
        absolute,
        `..\\..\\fzbg-escape-${tag}-backslash.txt`,
        `C:\\Windows\\Temp\\fzbg-escape-${tag}-drive.txt`,
        `\\\\server\\share\\fzbg-escape-${tag}-unc.txt`,
      ];
      const entries = [...docxSkeleton(), entry('word/document.xml', documentXml(fixtureParagraphs())), ...names.map((n) => entry(n, '越界写入的内容'))];
      const created = put(dir, 'zip-slip.docx', zip(entries));
      const escapeTargets = [
        resolve(dir, '..', '..', `fzbg-escape-${tag}-dotdot.txt`),
        resolve(dir, '..', `fzbg-escape-${tag}-dotdot.txt`),
        resolve(dir, '..', '..', `fzbg-escape-${tag}-mid.txt`),
        resolve(dir, '..', `fzbg-escape-${tag}-mid.txt`),
        absolute,
        resolve(dir, '..', '..', `fzbg-escape-${tag}-backslash.txt`),
        resolve(dir, '..', `fzbg-escape-${tag}-backslash.txt`),
      ];
      return { ...created, escapeTargets };
    },
  },
  {
    id: 'xxe',
    what: 'XXE：外部实体指向 /etc/passwd 与 http://127.0.0.1:9/',
    expect: 'either',
    forbiddenOutput: /root:.*:0:0:/,
    create: (dir) => {
      const doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/fzbg-xxe">]>';
      const body = `<w:p><w:r><w:t>江海区法治政府建设情况的报告</w:t></w:r></w:p><w:p><w:r><w:t>&xxe;&web;</w:t></w:r></w:p>${fixtureParagraphs()}`;
      return put(dir, 'xxe.docx', zip([...docxSkeleton(), entry('word/document.xml', documentXml(body, doctype))]));
    },
  },
  {
    id: 'billion-laughs',
    what: '“十亿笑声”：十层嵌套的内部实体（展开约 3 GB）',
    expect: 'either',
    create: (dir) => {
      const defs = ['<!ENTITY lol0 "哈哈哈哈哈哈哈哈哈哈">'];
      for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
      const doctype = `<!DOCTYPE w:document [${defs.join('')}]>`;
      const body = `${fixtureParagraphs()}<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>`;
      return put(dir, 'billion-laughs.docx', zip([...docxSkeleton(), entry('word/document.xml', documentXml(body, doctype))]));
    },
  },
  {
    id: 'deep-nesting',
    what: 'XML 嵌套 100,000 层（w:customXml 层层包裹一个段落）',
    expect: 'either',
    create: (dir) => {
      const depth = 100_000;
      const body = '<w:customXml w:element="x">'.repeat(depth) + '<w:p><w:r><w:t>深层段落</w:t></w:r></w:p>' + '</w:customXml>'.repeat(depth);
      return put(dir, 'deep-nesting.docx', zip([...docxSkeleton(), entry('word/document.xml', documentXml(fixtureParagraphs() + body))]));
    },
  },
  {
    id: 'deep-nesting-unknown',
    what: 'XML 嵌套 100,000 层（未知元素，未闭合）',
    expect: 'either',
    create: (dir) => {
      const body = '<x>'.repeat(100_000);
      return put(dir, 'deep-nesting-unknown.docx', zip([...docxSkeleton(), entry('word/document.xml', documentXml(fixtureParagraphs()).replace('</w:body>', body + '</w:body>'))]));
    },
  },
  {
    id: 'truncated-zip',
    what: '截断的 .docx（只剩前 60%）',
    expect: 'reject',
    create: (dir) => {
      const whole = validDocx();
      return put(dir, 'truncated.docx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    },
  },
  {
    id: 'xlsx-as-docx',
    what: '改了扩展名的 Excel 工作簿（.xlsx → .docx）',
    expect: 'reject',
    create: (dir) => {
      const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
      const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
      const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="行政复议" sheetId="1" r:id="rId1"/></sheets></workbook>`;
      const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
      const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>行政复议案件数</t></is></c><c r="B1"><v>12</v></c></row></sheetData></worksheet>`;
      return put(dir, 'really-a-workbook.docx', zip([
        entry('[Content_Types].xml', types), entry('_rels/.rels', rels), entry('xl/workbook.xml', workbook),
        entry('xl/_rels/workbook.xml.rels', wbRels), entry('xl/worksheets/sheet1.xml', sheet),
      ]));
    },
  },
  {
    id: 'not-a-zip',
    what: '内容是纯文本的 .docx',
    expect: 'reject',
    create: (dir) => put(dir, 'plain-text.docx', readFileSync(JIANGHAI)),
  },
  {
    id: 'empty-docx',
    what: '0 字节的 .docx',
    expect: 'reject',
    create: (dir) => put(dir, 'empty.docx', new Uint8Array(0)),
  },
  {
    id: 'huge-document-xml',
    what: 'word/document.xml 达 50 MB 的 .docx（真实报告段落反复）',
    expect: 'either',
    create: (dir) => {
      const unit = fixtureParagraphs();
      const unitBytes = Buffer.byteLength(unit);
      const body = unit.repeat(Math.ceil((50 * 1024 * 1024) / unitBytes));
      return put(dir, 'huge-document-xml.docx', zip([...docxSkeleton(), entry('word/document.xml', documentXml(body))]));
    },
  },
  {
    id: 'fzbg-truncated',
    what: '截断的 .fzbg（保存时断电的样子）',
    expect: 'reject',
    create: (dir) => {
      const whole = fzbgOf(fixtureLines());
      return put(dir, 'truncated.fzbg', whole.slice(0, Math.floor(whole.length / 2)));
    },
  },
  {
    id: 'fzbg-newer',
    what: '更新版本（格式版本 99）的 .fzbg',
    expect: 'reject',
    create: (dir) => put(dir, 'newer.fzbg', fzbgOf(fixtureLines(), 99)),
  },
  {
    id: 'fzbg-200mb',
    what: '200 MB 的 .fzbg（合法 JSON，真实段落反复）',
    expect: 'reject',
    create: (dir) => bigFzbg(join(dir, 'huge.fzbg'), 200 * 1024 * 1024),
  },
  {
    id: 'fzbg-60mb',
    what: '60 MB 的 .fzbg（合法 JSON，略低于应用的 64 MB 上限）',
    expect: 'either',
    create: (dir) => bigFzbg(join(dir, 'large.fzbg'), 60 * 1024 * 1024),
  },
  {
    id: 'txt-30mb',
    what: '30 MB 的 .txt（真实报告反复，略低于 32 MB 上限）',
    expect: 'either',
    create: (dir) => {
      const text = readFileSync(JIANGHAI);
      return put(dir, 'large.txt', Buffer.concat(Array.from({ length: Math.floor((30 * 1024 * 1024) / text.length) }, () => text)));
    },
  },
  {
    id: 'txt-one-line',
    what: '只有一行、10 MB 长的 .txt',
    expect: 'either',
    create: (dir) => {
      const line = readFileSync(JIANGHAI, 'utf8').replace(/\r?\n/g, '');
      return put(dir, 'one-line.txt', line.repeat(Math.floor((10 * 1024 * 1024) / Buffer.byteLength(line))));
    },
  },
  {
    id: 'docx-altchunk',
    what: '正文含 w:altChunk 的 .docx（嵌入 HTML、纯文本和 MHT 三段外部内容）',
    expect: 'either',
    forbiddenOutput: /脚本文字/,
    imported: {
      title: JIANGHAI_TITLE,
      text: [new RegExp(CHUNK_HTML_SENTENCE), new RegExp(CHUNK_TEXT_SENTENCE)],
      said: [/嵌入的外部内容.*HTML.*纯文本/, /无法导入（MHT 网页归档“chunk3\.mht”）/],
    },
    create: (dir) => put(dir, 'altchunk.docx', altChunkDocx()),
  },
  {
    id: 'txt-utf8-stray-bytes',
    what: '13 KB 的 UTF-8 报告，夹有 3 处共 8 个无效字节（两个编码的孤立代理项与 FF FE）',
    expect: 'either',
    imported: { title: JIANGHAI_TITLE, text: [/2025年,江海区政务和数据局坚持以习近平新时代中国特色社会主义思想为指导/], said: [/3 处字节不是有效的 UTF-8（第 \d+ 行第 \d+ 字/] },
    create: (dir) => put(dir, 'stray-bytes.txt', utf8WithStrayBytes()),
  },
  {
    id: 'txt-utf16-bom',
    what: 'UTF-16（带 BOM）的 .txt',
    expect: 'either',
    imported: { title: JIANGHAI_TITLE, text: [/坚持以法治思维和法治方式深化“放管服”改革/] },
    create: (dir) => put(dir, 'utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(JIANGHAI, 'utf8'), 'utf16le')])),
  },
  {
    id: 'txt-binary',
    what: '改了扩展名的二进制文件（.docx 压缩包 → .txt）',
    expect: 'reject',
    create: (dir) => put(dir, 'binary.txt', validDocx()),
  },
];

/** A valid .fzbg of about `bytes` bytes: the real report's paragraphs over and over, streamed to disk. */
async function bigFzbg(path: string, bytes: number): Promise<Created> {
  const [before, after] = fzbgOf([]).split('"body": []');
  const out = createWriteStream(path);
  out.write(before + '"body": [\n');
  const chunk = fixtureLines().map((text) => JSON.stringify({ type: 'paragraph', children: [{ text }] })).join(',\n');
  let written = 0;
  for (let first = true; written < bytes; first = false) {
    const piece = (first ? '' : ',\n') + chunk;
    written += Buffer.byteLength(piece);
    if (!out.write(piece)) await once(out, 'drain');
  }
  out.write('\n]' + after);
  out.end();
  await once(out, 'finish');
  return { path };
}
