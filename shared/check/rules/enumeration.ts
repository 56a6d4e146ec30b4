// Run-in enumerations (shared, pure): `一是…。二是…。三是…` must count up without gaps; a marker that lost its 是
// (`二开展`) or the full stop before it (`…工作二是`) is an error. Sequences run on across the paragraphs of a section
// and restart under each heading. `八届`, `三会一课`, `一网通办`, `一件事` are not markers.
import { chineseNumeral, parseChineseNumeral } from '../../model/numbering';
import type { DocumentRule, RawFinding, TextUnit } from '../types';
import { matches, wordsAround } from '../text';

interface Marker {
  unit: number;        // index of the unit within its block
  value: number;
  start: number;       // of the numeral
  end: number;         // after 是 (or after the numeral for a bare one)
  clauseStart: boolean;
}

interface UnitMarks { markers: Marker[]; bare: Marker[] }

const NO_EVENTS: ReadonlyArray<{ m: Marker; bare: boolean }> = [];

const MARKER = /([一二三四五六七八九十]{1,3})是/g;
const BARE = /(^|[。；！？：，,;:.!?\s])([一二三四五六七八九十]{1,3})(?=[^\s])/g;
const CLAUSE_END = '。；！？：，,;:.!?\n';
// Characters after a numeral that make it part of a word or a count rather than a lost marker.
const NOT_A_MARKER_NEXT = new Set([...'是会网件届级类个项批年月日次号中大化体窗站张码证表单图本支套条种位名家所方十百千万亿〇零两层线端队轮季度周部门区县市省镇村旬岁倍成员把手把人头字分元式路则环些点生同面色档期审书链', ...'、，。；：.,;:）)”"·']);

function prevNonSpace(text: string, i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) if (!/\s/.test(text[k]!)) return text[k];
  return undefined;
}

/**
 * Whether position i starts a clause: only spaces lie between it and the start of the text, a line break, or a
 * clause-ending mark. Bare numerals and markers are judged by this one test, so that the fix of a lost 是 never
 * creates a "missing full stop" finding at the same place.
 */
function atClauseStart(text: string, i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const c = text[k]!;
    if (c === '\n' || c === '\r') return true;
    if (/\s/.test(c)) continue;
    return CLAUSE_END.includes(c) || c === '“';
  }
  return true;
}

/** The markers and bare numerals at clause starts of one unit's text (memoised per block by the rule). */
export function extractMarks(text: string, unitIndex = 0): UnitMarks {
  const markers: Marker[] = [];
  const bare: Marker[] = [];
  if (!/[一二三四五六七八九十]/.test(text)) return { markers, bare };
  for (const m of matches(MARKER, text)) {
    const start = m.index;
    const numeral = m[1]!;
    const value = parseChineseNumeral(numeral);
    if (!(value >= 1 && value <= 30)) continue;
    const prev = prevNonSpace(text, start);
    const clauseStart = atClauseStart(text, start);
    if (!clauseStart && prev !== undefined) {
      // Mid-clause: a marker only when the numeral is a word of its own (not 唯一是, 之一是, 统一是).
      const words = wordsAround(text, start, start + numeral.length + 1);
      const w = words.find((x) => x.start === start);
      if (!w || w.word !== numeral) continue;
      if (!/[\u4e00-\u9fff”）)]/.test(prev)) continue;
    }
    markers.push({ unit: unitIndex, value, start, end: start + numeral.length + 1, clauseStart });
  }
  for (const m of matches(BARE, text)) {
    const start = m.index + m[1]!.length;
    const numeral = m[2]!;
    const next = text[start + numeral.length];
    if (!atClauseStart(text, start)) continue;
    if (next === undefined || NOT_A_MARKER_NEXT.has(next)) continue;
    const value = parseChineseNumeral(numeral);
    if (!(value >= 2 && value <= 30)) continue;
    const words = wordsAround(text, start, start + numeral.length + 2);
    const w = words.find((x) => x.start === start);
    if (!w || w.word !== numeral) continue;
    bare.push({ unit: unitIndex, value, start, end: start + numeral.length, clauseStart: true });
  }
  return { markers, bare };
}

export const enumerationSequence: DocumentRule = {
  id: 'enum.sequence',
  category: 'enumeration',
  severity: 'error',
  title: '“一是、二是……”的序号连续、完整',
  scope: 'document',
  check(doc, view) {
    const out: RawFinding[] = [];
    let last = 0;             // value of the last marker in the current section (0: none yet)
    let lastMarker: { unit: TextUnit; m: Marker } | undefined;
    // Bare numerals seen since the last marker, in order (candidates for a marker that lost its 是).
    let pendingBare: Array<{ unit: TextUnit; m: Marker }> = [];

    const flushBare = (upTo?: number): boolean => {
      // Report the bare numeral that should have been marker `last + 1`.
      const hit = pendingBare.find((b) => b.m.value === last + 1);
      if (!hit) return false;
      const numeral = chineseNumeral(hit.m.value);
      const text = hit.unit.text;
      out.push({ path: hit.unit.path, start: hit.m.start, end: hit.m.end, text: text.slice(hit.m.start, hit.m.end), message: `分项序号“${numeral}”后缺少“是”（前面是“${chineseNumeral(last)}是”），应为“${numeral}是”。`, fix: `${numeral}是` });
      last = hit.m.value;
      pendingBare = pendingBare.filter((b) => b !== hit && (upTo === undefined || b.m.value > last));
      return true;
    };

    doc.body.forEach((block, index) => {
      if (block.type === 'heading') {
        if (last > 0) flushBare();
        last = 0; lastMarker = undefined; pendingBare = [];
      }
      const units = view.unitsOf(index);
      // Per unit: markers and bare numerals merged by position (memoised with the block).
      const marks = view.memo(index, 'enum.events', (us) => us.map((u, k) => {
        const um = extractMarks(u.text, k);
        if (um.markers.length === 0 && um.bare.length === 0) return NO_EVENTS;
        return [...um.markers.map((m) => ({ m, bare: false })), ...um.bare.map((m) => ({ m, bare: true }))].sort((a, b) => a.m.start - b.m.start);
      }));
      marks.forEach((events, k) => {
        if (events.length === 0) return;
        const unit = units[k]!;
        for (const { m, bare } of events) {
          if (bare) { if (last > 0) pendingBare.push({ unit, m }); continue; }
          const text = unit.text;
          const marker = text.slice(m.start, m.end);
          if (m.value === 1) {
            if (last > 0) flushBare();
            last = 1; lastMarker = { unit, m }; pendingBare = [];
            continue;
          }
          if (last === 0) {
            // A sequence that does not start with 一是 (its first item may sit in a heading: then it is fine).
            last = m.value; lastMarker = { unit, m }; pendingBare = [];
            continue;
          }
          if (m.value === last + 1) {
            if (!m.clauseStart) {
              out.push({ path: unit.path, start: m.start, end: m.end, text: marker, message: `“${marker}”前缺少句号，上一项应以“。”结束。`, fix: `。${marker}` });
            }
          } else if (m.value > last + 1) {
            while (m.value > last + 1 && flushBare(m.value)) { /* each lost 是 reported once */ }
            if (m.value > last + 1) {
              const missing = Array.from({ length: m.value - last - 1 }, (_, j) => `${chineseNumeral(last + 1 + j)}是`).join('、');
              out.push({ path: unit.path, start: m.start, end: m.end, text: marker, message: `分项序号不连续：“${chineseNumeral(last)}是”之后直接是“${marker}”，缺少“${missing}”。` });
            }
          } else if (m.value === last && lastMarker) {
            out.push({ path: unit.path, start: m.start, end: m.end, text: marker, message: `分项序号重复：前面已有“${marker}”，此处应为“${chineseNumeral(last + 1)}是”？` });
            last = m.value + 1; lastMarker = { unit, m }; pendingBare = [];
            continue;
          }
          last = m.value; lastMarker = { unit, m }; pendingBare = [];
        }
      });
    });
    if (last > 0) flushBare();
    return out;
  },
};

export const ENUMERATION_RULES = [enumerationSequence];
