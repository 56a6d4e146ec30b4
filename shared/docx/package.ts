// A Word package opened for reading (shared, pure): the parts of a .docx read on demand through the capped zip and
// XML readers (the total inflated size counted across parts), its main document part and the parts the main part
// relates to. Shared by the Word importer and the reader of a reviewer's file; a file that is not a readable Word
// document is refused with a PackageError (Chinese message).
import { child, elements, parseXml, DEFAULT_MAX_XML_DEPTH, type XmlElement } from './xml';
import { DEFAULT_ZIP_LIMITS, PackageError, listZip, readZipEntry, type ZipEntry, type ZipLimits } from './zip';

export interface DocxImportLimits extends ZipLimits {
  maxXmlDepth: number;
}

export const DEFAULT_DOCX_LIMITS: DocxImportLimits = { ...DEFAULT_ZIP_LIMITS, maxXmlDepth: DEFAULT_MAX_XML_DEPTH };

const MAIN_TYPES = /wordprocessingml\.(document|template)\.main\+xml$|ms-word\.(document|template)\.macroEnabled\.main\+xml$/;

/** The part a relationship's target names, from the part `base` that holds the relationship. */
export function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export class DocxPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private used = 0;
  private readonly limits: DocxImportLimits;
  /** The main document part's name (word/document.xml in most files). */
  readonly mainName: string;
  /** The main part's relationships (null when it has none). */
  readonly rels: XmlElement | null;

  /** Opens the package; throws PackageError for a file that is not a Word document. */
  constructor(private readonly bytes: Uint8Array, limits: Partial<DocxImportLimits> = {}) {
    if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
      throw new PackageError('这是旧版 Word 文档（.doc）或加密的文档，请在 Word 或 WPS 中“另存为” .docx（不设密码）后再导入。', 'unsupported');
    }
    this.limits = { ...DEFAULT_DOCX_LIMITS, ...limits };
    for (const e of listZip(bytes, this.limits)) this.entries.set(e.name.replace(/^\//, ''), e);
    this.mainName = this.findMainPart();
    this.rels = this.xml(this.mainName.replace(/([^/]*)$/, '_rels/$1.rels'));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of a part, through the same caps as every other part (null when there is no such part). */
  part(name: string): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const data = readZipEntry(this.bytes, entry, Math.min(this.limits.maxEntryBytes, this.limits.maxTotalBytes - this.used));
    this.used += data.length;
    return data;
  }

  xml(name: string): XmlElement | null {
    const data = this.part(name);
    if (!data) return null;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
      throw new PackageError(`文件中的“${name}”不是有效的 UTF-8 文本，文件已损坏。`, 'xml');
    }
    return parseXml(text, name, this.limits.maxXmlDepth);
  }

  /** The part the main part relates to by a relationship of this type (never one outside the package). */
  related(type: RegExp): string | undefined {
    const rel = this.rels ? elements(this.rels).find((r) => type.test(r.attrs.Type ?? '') && r.attrs.TargetMode !== 'External') : undefined;
    return rel?.attrs.Target ? resolveTarget(this.mainName, rel.attrs.Target) : undefined;
  }

  /** The main document's w:body; throws PackageError when there is none. */
  body(): XmlElement {
    const document = this.xml(this.mainName);
    const body = document ? child(document, 'body') : undefined;
    if (!body) throw new PackageError('Word 文档没有正文部分，文件已损坏。', 'damaged');
    return body;
  }

  private findMainPart(): string {
    const types = this.xml('[Content_Types].xml');
    if (!types) throw new PackageError('这不是 Word 文档（.docx）：压缩包中没有 Office 文档的内容类型清单。', 'not-docx');
    const overrides = elements(types).filter((e) => e.name === 'Override');
    const main = overrides.find((o) => MAIN_TYPES.test(o.attrs.ContentType ?? ''));
    if (main?.attrs.PartName) return main.attrs.PartName.replace(/^\//, '');
    const all = overrides.map((o) => o.attrs.ContentType ?? '').join(' ');
    if (/spreadsheetml/.test(all)) throw new PackageError('这是 Excel 表格文件（.xlsx），不是 Word 文档，无法作为报告导入。', 'not-docx');
    if (/presentationml/.test(all)) throw new PackageError('这是 PowerPoint 演示文稿（.pptx），不是 Word 文档，无法作为报告导入。', 'not-docx');
    throw new PackageError('这不是 Word 文档（.docx）：压缩包中没有 Word 正文。', 'not-docx');
  }
}
