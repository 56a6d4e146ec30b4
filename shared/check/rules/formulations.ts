// Standard formulations (shared, pure): the versioned dictionary of templates/formulations.json merged with the
// template's own entries (doc.rules.formulations), each applied to the report years it covers; and the consistency
// of the reporting organ's name across the document.
import { compileUserPattern } from '../userPattern';
import { z } from 'zod';
import dictionary from '../../../templates/formulations.json';
import { FormulationEntry } from '../../model/schema';
import type { BlockRule, BlockSettings, DocumentRule, RawFinding, TextUnit } from '../types';
import { at, HAN_CLASS, matches } from '../text';

const Dictionary = z.object({ version: z.number().int(), entries: z.array(FormulationEntry) });
const builtin = Dictionary.parse(dictionary);

/** The built-in dictionary's version (shown in the rule list so a team knows which wording it checks against). */
export const FORMULATIONS_VERSION = builtin.version;
export const BUILTIN_FORMULATIONS: readonly FormulationEntry[] = builtin.entries;

interface Compiled { entry: FormulationEntry; find: (text: string) => RegExpExecArray[]; hint: string }

/** A literal every match of the entry must contain (the longest plain Chinese run of a pattern), for a cheap prefilter. */
function hintOf(entry: FormulationEntry): string {
  if (!entry.regex) return entry.wrong;
  const plain = entry.wrong
    .replace(/\(\?<?[=!][^)]*\)/g, ' ')  // lookarounds
    .replace(/\[[^\]]*\]/g, ' ')        // classes
    .replace(/\\./g, ' ')                // escapes
    .replace(/[^\u4e00-\u9fff“”‘’]+/g, ' ');
  // A run followed by a quantifier or inside an alternation is not certain: keep the pattern unfiltered then.
  if (/[|?*{]/.test(entry.wrong.replace(/\(\?<?[=!][^)]*\)/g, '').replace(/\[[^\]]*\]\{\d+,?\d*\}/g, '').replace(/\[[^\]]*\]/g, ''))) return '';
  return plain.split(' ').reduce((best, run) => (run.length > best.length ? run : best), '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const BUILTIN_PATTERNS: ReadonlySet<string> = new Set(BUILTIN_FORMULATIONS.filter((e) => e.regex).map((e) => e.wrong));

function nativeFinder(source: string): (text: string) => RegExpExecArray[] {
  const re = new RegExp(source, 'g');
  return (text) => matches(re, text);
}

function userFinder(source: string): ((text: string) => RegExpExecArray[]) | null {
  const compiled = compileUserPattern(source);
  return compiled.ok ? compiled.pattern.matchAll : null;
}

const compiledCache = new Map<string, Compiled[]>();

/** The entries that apply to a report year, compiled once per (year, template entries). */
let lastExtra: readonly FormulationEntry[] | undefined;
let lastYear = NaN;
let lastLength = -1;
let lastList: Compiled[] = [];

export function compiledFormulations(year: number, extra: readonly FormulationEntry[]): Compiled[] {
  // Asked once per paragraph: the same settings array as last time is answered without building a key.
  if (extra === lastExtra && year === lastYear && extra.length === lastLength) return lastList;
  const key = `${year}\u0001${extra.length ? JSON.stringify(extra) : ''}`;
  let list = compiledCache.get(key);
  if (list) { lastExtra = extra; lastYear = year; lastLength = extra.length; lastList = list; return list; }
  list = [];
  // A template entry with the same wrong form replaces the built-in one.
  const own = new Set(extra.map((e) => e.wrong));
  for (const entry of [...BUILTIN_FORMULATIONS.filter((e) => !own.has(e.wrong)), ...extra]) {
    if (entry.fromYear !== undefined && year < entry.fromYear) continue;
    if (entry.toYear !== undefined && year > entry.toYear) continue;
    // A template's pattern runs in the linear-time engine (one RE2 cannot express is skipped, and named when the
    // template is loaded); the built-in dictionary runs natively (faster, and it uses lookaheads).
    // (A template entry that restates a built-in pattern to re-grade it runs natively too: the pattern is ours.)
    const find = entry.regex && !BUILTIN_PATTERNS.has(entry.wrong) ? userFinder(entry.wrong) : nativeFinder(entry.regex ? entry.wrong : escape(entry.wrong));
    if (!find) continue;
    list.push({ entry, find, hint: hintOf(entry) });
  }
  if (compiledCache.size > 32) compiledCache.clear();
  compiledCache.set(key, list);
  lastExtra = extra; lastYear = year; lastLength = extra.length; lastList = list;
  return list;
}

const hintPatterns = new WeakMap<Compiled[], RegExp | null>();
// Hints that contain another hint: a regex alternation reports only one of two overlapping literals, so these are
// also tested one by one.
const hintOverlaps = new WeakMap<Compiled[], Set<string>>();

function hintsPattern(list: Compiled[]): RegExp | null {
  let re = hintPatterns.get(list);
  if (re === undefined) {
    const hints = [...new Set(list.map((c) => c.hint).filter((h) => h.length > 0))].sort((a, b) => b.length - a.length);
    re = hints.length ? new RegExp(hints.map(escape).join('|'), 'g') : null;
    hintPatterns.set(list, re);
    hintOverlaps.set(list, new Set(hints.filter((h) => hints.some((o) => o !== h && (o.includes(h) || h.includes(o) || sharesEdge(o, h))))));
  }
  return re;
}

/** Two literals that can overlap in a text (the end of one is the start of the other). */
function sharesEdge(a: string, b: string): boolean {
  for (let k = 1; k < Math.min(a.length, b.length); k++) if (a.endsWith(b.slice(0, k)) || b.endsWith(a.slice(0, k))) return true;
  return false;
}

export const formulationDictionary: BlockRule = {
  id: 'form.dictionary',
  category: 'formulation',
  severity: 'error',
  title: '规范表述（表述词典）',
  scope: 'block',
  check(unit: TextUnit, settings: BlockSettings) {
    const out: RawFinding[] = [];
    const list = compiledFormulations(settings.year, settings.formulations);
    // One pass finds which entries' literals occur at all; most paragraphs contain none.
    const present = new Set<string>();
    const hints = hintsPattern(list);
    if (hints) for (const m of matches(hints, unit.text)) present.add(m[0]);
    for (const { entry, find, hint } of list) {
      if (hint && !present.has(hint) && !(hintOverlaps.get(list)?.has(hint) && unit.text.includes(hint))) continue;
      for (const m of find(unit.text)) {
        if (m[0].length === 0) continue;
        const fix = entry.correct ? entry.correct.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? '') : undefined;
        const shown = fix ?? entry.correct;
        const message = `${shown ? `“${m[0]}”应为“${shown}”。` : `“${m[0]}”表述不规范。`}${entry.note ?? ''}`;
        const f = at(unit, m.index, m.index + m[0].length, message, fix);
        if (entry.severity) f.severity = entry.severity;
        out.push(f);
      }
    }
    return out;
  },
};

// ----- the reporting organ written two ways ------------------------------------------------------------------------

/** The organ named in a title: `X局关于2024年度…的报告` → `X局`, `X区2024年度…报告` → `X区`. */
export function organFromTitle(title: string): string {
  const t = title.replace(/\s+/g, '');
  const m = /^(.+?)(?:关于|(?:19|20)\d{2}年)/.exec(t);
  return m ? m[1]! : '';
}

const PLACE = /^(?:中共)?[\u4e00-\u9fff]{1,8}?(?:自治区|特别行政区|省|市|自治州|州|盟|地区|区|县|旗|镇|乡|街道)/;

/** Near-miss: one name turns into the other by adding or dropping at most two characters, or one substitution. */
function nearMiss(a: string, b: string): boolean {
  if (a === b) return false;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (l.length - s.length > 2) return false;
  // Levenshtein distance ≤ 2 on short strings.
  const prev = Array.from({ length: l.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= l.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (s[i - 1] === l[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[l.length]! <= 2;
}

/** `a` is `b` with characters dropped (an abbreviation such as 政务和数据局 of 政务服务和数据管理局). */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b[i] === a[j]) j++;
  return j === a.length;
}

export const organConsistency: DocumentRule = {
  id: 'form.organ',
  category: 'formulation',
  severity: 'warning',
  title: '报告机关名称前后写法不一致',
  scope: 'document',
  check(doc, view) {
    const organ = (doc.meta.organ || organFromTitle(doc.meta.title)).replace(/\s+/g, '');
    const place = PLACE.exec(organ)?.[0];
    if (!place || organ.length - place.length < 2) return [];
    const core = organ.slice(place.length);
    const last = core[core.length - 1]!;
    // Candidates: the place name, then up to core+3 Chinese characters ending in the same type character (局, 政府…).
    // `last` is the user's text (an organ typed as 某某县人民政府(办) ends in a bracket): escaped for the pattern.
    const re = new RegExp(`${place.replace(/^中共/, '(?:中共)?')}([${HAN_CLASS}]{1,${core.length + 3}}?)${escape(last)}`, 'g');
    const out: RawFinding[] = [];
    const bare = place.replace(/^中共/, '');
    const hitsKey = `form.organ\u0001${organ}`;
    const stemKey = `form.organ-stem\u0001${organ}`;
    // The place without its 县/区/市 (阳西人民政府 for 阳西县人民政府).
    const stem = /^(?:中共)?(.{2,})[县区市]$/.exec(place)?.[1];
    doc.body.forEach((_, index) => {
      const units = view.unitsOf(index);
      const hits = view.memo(index, hitsKey, (us) => us.flatMap((u, k) => {
        if (!u.text.includes(bare)) return [];
        return matches(re, u.text).map((m) => ({ k, index: m.index, whole: m[0], variant: m[1]! + last }));
      }));
      if (stem) {
        const dropped = view.memo(index, stemKey, (us) => us.flatMap((u, k) => {
          const out2: Array<{ k: number; index: number }> = [];
          for (let from = u.text.indexOf(stem + core); from >= 0; from = u.text.indexOf(stem + core, from + 1)) out2.push({ k, index: from });
          return out2;
        }));
        for (const d of dropped) {
          out.push(at(units[d.k]!, d.index, d.index + stem.length + core.length, `本机关名称写作“${stem}${core}”，缺少“${place.slice(-1)}”，应为“${place}${core}”。`, `${place.replace(/^中共/, '')}${core}`));
        }
      }
      for (const h of hits) {
        if (h.variant === core) continue;
        const unit = units[h.k]!;
        if (nearMiss(h.variant, core)) {
          out.push(at(unit, h.index, h.index + h.whole.length, `本机关名称写作“${h.whole}”，与“${organ}”不一致，请统一为全称。`, organ));
        } else if (isSubsequence(h.variant, core) && h.variant.length >= 3) {
          out.push({ ...at(unit, h.index, h.index + h.whole.length, `本机关名称此处用简称“${h.whole}”，全称为“${organ}”。公文中首次出现宜用全称，简称前后应统一。`), severity: 'info' });
        }
      }
    });
    return out;
  },
};

export const FORMULATION_RULES = [formulationDictionary];
export const FORMULATION_DOCUMENT_RULES = [organConsistency];
