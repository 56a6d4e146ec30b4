// Heading sequence markers as people type them (shared, pure): 一、 （一） 1. （1） in full- and half-width forms,
// plus the wrong forms the reference lists (一） （一）、 1、 …), so the importer can build structure and the checker
// can report a malformed marker. Prose that merely starts with a numeral (一是…, 2025年…, 1.84亿元) is not a marker.
import type { HeadingLevel } from '../model/schema';
import { parseChineseNumeral, sequenceMarker } from '../model/numbering';

export interface HeadingMarker {
  level: HeadingLevel;
  /** The sequence number as written (1-based). */
  number: number;
  /** The marker exactly as written, e.g. `(一)`, `1、`, `（一）、` (no surrounding spaces). */
  marker: string;
  /** The standard form of this marker for the same level and number, e.g. `（一）`. */
  standard: string;
  /** Offset in the line where the marker starts (after any indentation). */
  start: number;
  /** Offset where the text after the marker begins (after the marker and any spaces). */
  end: number;
  /** The line after the marker, exactly as written. */
  rest: string;
  /** The marker uses a half-width bracket, e.g. `(一)` or `（1)`. */
  halfWidth: boolean;
  /** Set when the form is one the reference calls wrong; says what is wrong and the right form (Chinese). */
  malformed?: string;
}

// Indentation copied from web pages and Word: spaces, tabs, NBSP, full-width and other Unicode spaces, BOM.
const INDENT = /^[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]*/;
const SPACES = /^[ \t\u00a0\u3000]*/;

const CN = '[一二三四五六七八九十]{1,3}';
const NUM = '(?:[0-9]{1,2}|[０-９]{1,2})';

// Each pattern is anchored at the marker start; group 1 is the numeral. Order matters: longer/malformed forms first.
interface Form {
  re: RegExp;
  level: HeadingLevel;
  chinese: boolean;
  malformed?: (numeral: string, standard: string) => string;
}

const FORMS: Form[] = [
  // （一）、 (一)、 （一）. — punctuation after a bracketed marker
  {
    re: new RegExp(`^[（(][ \\u3000]?(${CN})[ \\u3000]?[）)][、，,．.]`),
    level: 2,
    chinese: true,
    malformed: (_n, std) => `序号“${std}”后不应再加标点`,
  },
  { re: new RegExp(`^[（(][ \\u3000]?(${CN})[ \\u3000]?[）)]`), level: 2, chinese: true },
  // 一） 一) — a closing bracket without the opening one
  {
    re: new RegExp(`^(${CN})[）)]`),
    level: 2,
    chinese: true,
    malformed: (_n, std) => `序号缺少左括号，应为“${std}”`,
  },
  { re: new RegExp(`^(${CN})、`), level: 1, chinese: true },
  // 一. 一． — a Chinese numeral takes 、, not a full stop
  {
    re: new RegExp(`^(${CN})[.．](?![0-9０-９])`),
    level: 1,
    chinese: true,
    malformed: (_n, std) => `汉字序号后应用顿号，应为“${std}”`,
  },
  {
    re: new RegExp(`^[（(][ \\u3000]?(${NUM})[ \\u3000]?[）)][、，,．.]`),
    level: 4,
    chinese: false,
    malformed: (_n, std) => `序号“${std}”后不应再加标点`,
  },
  { re: new RegExp(`^[（(][ \\u3000]?(${NUM})[ \\u3000]?[）)]`), level: 4, chinese: false },
  {
    re: new RegExp(`^(${NUM})[）)]`),
    level: 4,
    chinese: false,
    malformed: (_n, std) => `序号缺少左括号，应为“${std}”`,
  },
  // 1. 1． — but never 1.84亿元 or 2.0
  { re: new RegExp(`^(${NUM})[.．](?![0-9０-９])`), level: 3, chinese: false },
  // 1、 — the reference: `1.` not `1、`
  {
    re: new RegExp(`^(${NUM})、(?![0-9０-９])`),
    level: 3,
    chinese: false,
    malformed: (_n, std) => `阿拉伯数字序号后应用下脚点，应为“${std}”`,
  },
];

/** Text after a Chinese-numeral marker that shows the numeral is part of prose: 一、二季度, 三、四月份, 一、二级. */
const PROSE_AFTER_CHINESE = /^[一二三四五六七八九十]{1,3}(?:[、至到]|季度|月|年|级|类|批|等|个|次|项|名|期|届)/;
/** After a marker the text must begin with something a heading can begin with (not a stray mark or a unit). */
const BAD_REST_START = /^[、，,。.．；;：:%％)）]/;

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * Recognises a heading sequence marker at the start of `line` (after indentation). Returns null for prose,
 * including 一是…, 2025年…, 12345热线…, 1.84亿元…, and for a marker with nothing after it.
 */
export function parseHeadingMarker(line: string): HeadingMarker | null {
  const start = INDENT.exec(line)![0].length;
  if (start >= line.length) return null;
  const head = line.slice(start, start + 12);
  for (const form of FORMS) {
    const m = form.re.exec(head);
    if (!m) continue;
    const numeral = m[1]!;
    const number = form.chinese ? parseChineseNumeral(numeral) : Number(toAsciiDigits(numeral));
    if (!Number.isInteger(number) || number < 1 || number > 99) return null;
    const marker = m[0];
    const afterMarker = start + marker.length;
    const spaces = SPACES.exec(line.slice(afterMarker))![0].length;
    const end = afterMarker + spaces;
    const rest = line.slice(end);
    if (rest.trim().length === 0) return null;
    if (BAD_REST_START.test(rest)) return null;
    if (form.chinese && form.level === 1 && PROSE_AFTER_CHINESE.test(rest)) return null;
    const standard = sequenceMarker(form.level, number);
    const result: HeadingMarker = {
      level: form.level,
      number,
      marker,
      standard,
      start,
      end,
      rest,
      halfWidth: /[()]/.test(marker),
    };
    if (form.malformed) result.malformed = form.malformed(numeral, standard);
    return result;
  }
  return null;
}

