// The encoding of an imported text file, decided from the evidence (shared, pure): a byte order mark (UTF-8, UTF-16),
// else UTF-8 when the bytes are UTF-8 but for a few stray ones (those are replaced by “�” and reported by place),
// else GB18030 (GBK as Notepad saves it on many bureau PCs) when it reads the bytes better than UTF-8 does.
import type { ImportNote } from '../model/importNote';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A run of bytes that is not UTF-8, where the reader finds it. */
export interface InvalidRun {
  /** Byte offset in the file. */
  offset: number;
  length: number;
  /** 1-based line and character on that line (as the text reads once decoded). */
  line: number;
  column: number;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Set for UTF-8 text with stray bytes: where they were (each replaced by “�”). */
  invalid?: InvalidRun[];
  /** What the user should know about the decoding (Chinese), empty for clean UTF-8. */
  notes: ImportNote[];
}

/**
 * The runs of bytes that are not well-formed UTF-8 (WHATWG: a maximal invalid subpart each, consecutive ones merged),
 * and how many bytes form valid multi-byte characters: the evidence that decides the encoding.
 */
export function scanUtf8(bytes: Uint8Array): { invalid: InvalidRun[]; invalidBytes: number; multiByteChars: number } {
  const invalid: InvalidRun[] = [];
  let invalidBytes = 0;
  let multiByteChars = 0;
  let line = 1;
  let column = 1;
  const bad = (offset: number, length: number): void => {
    invalidBytes += length;
    const last = invalid[invalid.length - 1];
    if (last && last.offset + last.length === offset) last.length += length;
    else invalid.push({ offset, length, line, column });
    column++;
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if (b === 0x0a) { line++; column = 1; } else column++;
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) { need = 2; if (b === 0xe0) lo = 0xa0; if (b === 0xed) hi = 0x9f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; if (b === 0xf0) lo = 0x90; if (b === 0xf4) hi = 0x8f; }
    else { bad(i, 1); i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || c < (j === 1 ? lo : 0x80) || c > (j === 1 ? hi : 0xbf)) break;
    }
    if (j <= need) {
      bad(i, j);
      i += j;
      continue;
    }
    multiByteChars++;
    column++;
    i += need + 1;
  }
  return { invalid, invalidBytes, multiByteChars };
}

/** Characters a GB18030 reading produced that real Chinese text hardly has: replacements, private use, controls. */
function gbOddities(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x80 && c <= 0x9f) || c >= 0x10000) n++;
  }
  return n;
}

/** The most places listed in a note; the rest are counted. */
const LISTED_PLACES = 5;

/** Decodes the bytes of a text file by the evidence they give. Never throws. */
export function decodeText(bytes: Uint8Array, name = '文件'): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', notes: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', notes: [] };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const scan = scanUtf8(body);
  const utf8 = (): string => new TextDecoder('utf-8').decode(body);
  if (scan.invalid.length === 0) return { text: utf8(), encoding: 'utf-8', notes: [] };

  // UTF-8 by chance is rare: a GBK file read as UTF-8 fails at most of its Chinese characters. When valid multi-byte
  // characters far outnumber the stray bytes, the file is UTF-8 with a few damaged bytes.
  const mostlyUtf8 = bom || scan.multiByteChars >= 20 * scan.invalid.length;
  if (!mostlyUtf8) {
    const gb = new TextDecoder('gb18030').decode(bytes);
    // GB18030 only when it reads the bytes better: fewer characters it could not make sense of than UTF-8's stray bytes.
    if (gbOddities(gb) < scan.invalid.length) {
      return { text: gb, encoding: 'gb18030', notes: [{ severity: 'info', message: `“${name}”不是 UTF-8 编码，已按 GB18030（GBK）编码读取。` }] };
    }
  }
  const places = scan.invalid.slice(0, LISTED_PLACES).map((r) => `第 ${r.line} 行第 ${r.column} 字（字节 ${r.offset + (bom ? 3 : 0)}${r.length > 1 ? `，${r.length} 个字节` : ''}）`);
  const more = scan.invalid.length > LISTED_PLACES ? `等共 ${scan.invalid.length} 处` : '';
  return {
    text: utf8(),
    encoding: 'utf-8',
    invalid: scan.invalid,
    notes: [{
      severity: 'warning',
      message: `“${name}”按 UTF-8 编码读取，其中 ${scan.invalid.length} 处字节不是有效的 UTF-8（${places.join('；')}${more}），已替换为“�”，请对照原文核对这些位置。`,
    }],
  };
}
