// The GB/T 9704-2012 page of the exported Word file, in twips (shared, pure): one place for every measure so that
// the exporter, the importer and the tests agree.

/** Millimetres to twips, rounded to the nearest twip (the docx library's own helper rounds down). */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

const PAGE_WIDTH = 11906; // A4, 210 mm
const PAGE_HEIGHT = 16838; // A4, 297 mm
const MARGIN_TOP = mmToTwips(37);
const MARGIN_BOTTOM = mmToTwips(35);
const MARGIN_LEFT = mmToTwips(28);
const MARGIN_RIGHT = mmToTwips(26);
const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
const TYPE_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT; // 156 mm
const TYPE_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM; // 225 mm
const BODY_FONT_HALF_POINTS = 32; // 三号, 16 pt

/** Line pitch in twips: the largest whole number that still puts 22 lines in the type area (579 = 28.95 pt). */
const LINE_PITCH = Math.floor(TYPE_HEIGHT / LINES_PER_PAGE);
/** Character pitch in twips (156 mm / 28 = 15.79 pt). */
const CHAR_PITCH = TYPE_WIDTH / CHARS_PER_LINE;
/**
 * w:docGrid/@w:charSpace: the difference between the character pitch and the Normal style's font size, in 1/4096 pt,
 * rounded down so that 28 characters always fit (-842 for this page: the value of the usual official-document template).
 */
const GRID_CHAR_SPACE = Math.floor((CHAR_PITCH / 20 - BODY_FONT_HALF_POINTS / 2) * 4096);
/**
 * Character spacing of every grid-snapped run, in twips (-5 = condensed by 0.25 pt). A 16 pt character is a little
 * wider than the 15.79 pt grid cell; LibreOffice's character grid then gives it two cells (14 characters a line).
 * Condensed to 15.75 pt it takes one cell there, and in Word and WPS, which add the (negative) grid pitch difference
 * to every character, the pitch becomes 15.54 pt: 28 characters still fit (29 would need 450.7 pt of 442.25 pt).
 */
const CONDENSE_TWIPS = -5;

export const PAGE = {
  width: PAGE_WIDTH,
  height: PAGE_HEIGHT,
  marginTop: MARGIN_TOP,
  marginBottom: MARGIN_BOTTOM,
  marginLeft: MARGIN_LEFT,
  marginRight: MARGIN_RIGHT,
  typeWidth: TYPE_WIDTH,
  typeHeight: TYPE_HEIGHT,
  linesPerPage: LINES_PER_PAGE,
  charsPerLine: CHARS_PER_LINE,
  linePitch: LINE_PITCH,
  charPitch: CHAR_PITCH,
  gridCharSpace: GRID_CHAR_SPACE,
  condense: CONDENSE_TWIPS,
  /** Distance from the page's bottom edge to the bottom of the footer line, placing the page number's dashes 7 mm below the type area. */
  footer: mmToTwips(25.5),
  header: mmToTwips(15),
} as const;

/** Font sizes in half-points. */
export const SIZE = { title: 44, body: 32, pageNumber: 28, table: 28 } as const;

/** The fonts GB/T 9704 names, as bureau PCs call them (their substitutes are in the font table, fonts.ts). */
export const FONT = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
} as const;


/** The width of a string in full-width characters: ASCII counts a half (digits are half-width in these fonts). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x7f ? 0.5 : 1;
  return w;
}

/** Twips taken by `chars` full-width characters on the grid. */
export function charsToTwips(chars: number): number {
  return Math.round(chars * CHAR_PITCH);
}
