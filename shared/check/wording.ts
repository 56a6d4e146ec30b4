// The wording dictionaries of the checker (shared, pure): the versioned data files of templates/ (formulations,
// confusable words, leaders' names) merged with a template's own entries, compiled per report year, and matched with
// their context conditions. The rules that report them (form.dictionary, form.confusable, form.leader) call wordingFindings.
import { z } from 'zod';
import formulationsData from '../../templates/formulations.json';
import confusablesData from '../../templates/confusables.json';
import leadersData from '../../templates/leaders.json';
import { FormulationEntry, type WordingFamily } from '../model/schema';
import { compileUserPattern } from './userPattern';
import type { BlockSettings, RawFinding, TextUnit } from './types';
import { at, isHanCode, matches } from './text';

const Dictionary = z.object({ version: z.number().int(), updated: z.string(), entries: z.array(FormulationEntry) });

function load(data: unknown, family: WordingFamily): { version: number; entries: FormulationEntry[] } {
  const parsed = Dictionary.parse(data);
  return { version: parsed.version, entries: parsed.entries.map((e) => ({ ...e, family })) };
}

const BUILTIN: Record<WordingFamily, { version: number; entries: FormulationEntry[] }> = {
  formulation: load(formulationsData, 'formulation'),
  confusable: load(confusablesData, 'confusable'),
  leader: load(leadersData, 'leader'),
};

/** The version of each built-in dictionary (shown so a team knows which wording it checks against). */
export const WORDING_VERSIONS: Readonly<Record<WordingFamily, number>> = {
  formulation: BUILTIN.formulation.version,
  confusable: BUILTIN.confusable.version,
  leader: BUILTIN.leader.version,
};

export function builtinEntries(family: WordingFamily): readonly FormulationEntry[] {
  return BUILTIN[family].entries;
}

const CONTEXT_KEYS = ['before', 'notBefore', 'after', 'notAfter'] as const;

/**
 * Every pattern source of the built-in dictionaries (regex `wrong` forms and context conditions): a template entry
 * that restates one runs natively like the built-in one (it is ours and reviewed); any other runs in RE2.
 */
export const BUILTIN_PATTERNS: ReadonlySet<string> = new Set(
  Object.values(BUILTIN).flatMap((d) => d.entries.flatMap((e) => [...(e.regex ? [e.wrong] : []), ...CONTEXT_KEYS.map((k) => e[k]).filter((s): s is string => !!s)])),
);

type Finder = (text: string) => RegExpExecArray[];
interface Compiled { entry: FormulationEntry; find: Finder; hint: string }

/**
 * A literal every match of the entry must contain (the longest plain Chinese run left once lookarounds, optional
 * parts, alternations and classes are taken out), for a cheap prefilter; '' when the pattern has none.
 */
export function hintOf(entry: Pick<FormulationEntry, 'wrong' | 'regex'>): string {
  if (!entry.regex) return entry.wrong;
  let s = entry.wrong;
  if (/\(\?<?[=!][^)]*\(/.test(s)) return '';                   // a group inside a lookaround: not taken apart here
  s = s.replace(/\(\?<?[=!][^)]*\)/g, ' ');                       // lookarounds
  s = s.replace(/\\./g, ' ');                                      // escapes
  s = s.replace(/\[[^\]]*\](?:[?*+]|\{\d*,?\d*\})?/g, ' ');          // classes
  if (/\([^()]*\(/.test(s)) return '';                             // nested groups
  s = s.replace(/\((?:\?:)?[^()]*\)(?:[?*]|\{0,?\d*\})/g, ' ');        // optional groups
  s = s.replace(/\((?:\?:)?[^()]*\|[^()]*\)/g, ' ');                  // alternations inside a group
  if (s.includes('|')) return '';                                  // an alternation of the whole pattern
  s = s.replace(/[^()](?:[?*]|\{0,?\d*\})/g, ' ');                  // optional characters
  return s.replace(/[^\u4e00-\u9fff“”‘’]+/g, ' ').split(' ').reduce((best, run) => (run.length > best.length ? run : best), '');
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A built-in (or restated built-in) entry runs as one native expression: its context conditions become lookarounds
 * around the wrong form, which is what they mean (the text right before the match ends with `before` …).
 */
function nativeFinder(entry: FormulationEntry): Finder {
  const core = entry.regex ? entry.wrong : escape(entry.wrong);
  const source = `${entry.before ? `(?<=${entry.before})` : ''}${entry.notBefore ? `(?<!${entry.notBefore})` : ''}(?:${core})${entry.after ? `(?=${entry.after})` : ''}${entry.notAfter ? `(?!${entry.notAfter})` : ''}`;
  const re = new RegExp(source, 'g');
  return (text) => matches(re, text);
}

/** A template's entry runs in the linear-time engine, its context tested on the text before and after each match. */
function userFinder(entry: FormulationEntry): Finder | null {
  const trusted = (s: string) => BUILTIN_PATTERNS.has(s);
  const wrong = entry.regex && !trusted(entry.wrong) ? compileUserPattern(entry.wrong) : null;
  if (wrong && !wrong.ok) return null;
  const core: Finder = wrong?.ok ? wrong.pattern.matchAll : (() => {
    const re = new RegExp(entry.regex ? entry.wrong : escape(entry.wrong), 'g');
    return (text: string) => matches(re, text);
  })();
  const tests: Array<(text: string, m: RegExpExecArray) => boolean> = [];
  for (const key of CONTEXT_KEYS) {
    const source = entry[key];
    if (!source) continue;
    const anchored = key === 'before' || key === 'notBefore' ? `(?:${source})$` : `^(?:${source})`;
    let test: (s: string) => boolean;
    if (trusted(source)) {
      const re = new RegExp(anchored);
      test = (s) => re.test(s);
    } else {
      const compiled = compileUserPattern(anchored);
      if (!compiled.ok) return null;
      test = compiled.pattern.test;
    }
    const wanted = !key.startsWith('not');
    const side = key === 'before' || key === 'notBefore'
      ? (text: string, m: RegExpExecArray) => text.slice(0, m.index)
      : (text: string, m: RegExpExecArray) => text.slice(m.index + m[0].length);
    tests.push((text, m) => test(side(text, m)) === wanted);
  }
  if (tests.length === 0) return core;
  return (text) => core(text).filter((m) => tests.every((t) => t(text, m)));
}

/** The sources of a template entry that RE2 must compile (for the template loader's warnings). */
export function userPatternSources(entry: FormulationEntry): string[] {
  const out: string[] = [];
  if (entry.regex && !BUILTIN_PATTERNS.has(entry.wrong)) out.push(entry.wrong);
  for (const key of CONTEXT_KEYS) {
    const s = entry[key];
    if (s && !BUILTIN_PATTERNS.has(s)) out.push(s);
  }
  return out;
}

function isBuiltinShaped(entry: FormulationEntry): boolean {
  return userPatternSources(entry).length === 0;
}

interface Cache { extra: readonly FormulationEntry[] | undefined; year: number; length: number; list: Compiled[] }
const last: Record<WordingFamily, Cache> = {
  formulation: { extra: undefined, year: NaN, length: -1, list: [] },
  confusable: { extra: undefined, year: NaN, length: -1, list: [] },
  leader: { extra: undefined, year: NaN, length: -1, list: [] },
};
const compiledCache = new Map<string, Compiled[]>();

/** The entries of a family that apply to a report year, compiled once per (year, template entries). */
export function compiledEntries(family: WordingFamily, year: number, extra: readonly FormulationEntry[]): Compiled[] {
  // Asked once per paragraph: the same settings array as last time is answered without building a key.
  const c = last[family];
  if (extra === c.extra && year === c.year && extra.length === c.length) return c.list;
  const own = extra.filter((e) => (e.family ?? 'formulation') === family);
  const key = `${family}\u0001${year}\u0001${own.length ? JSON.stringify(own) : ''}`;
  let list = compiledCache.get(key);
  if (!list) {
    list = [];
    // A template entry with the same wrong form replaces the built-in one.
    const replaced = new Set(own.map((e) => e.wrong));
    for (const entry of [...BUILTIN[family].entries.filter((e) => !replaced.has(e.wrong)), ...own]) {
      if (entry.fromYear !== undefined && year < entry.fromYear) continue;
      if (entry.toYear !== undefined && year > entry.toYear) continue;
      // A template's pattern runs in the linear-time engine (one RE2 cannot express is skipped, and named when the
      // template is loaded); the built-in dictionary runs natively (faster, and it uses lookarounds).
      const find = isBuiltinShaped(entry) ? nativeFinder(entry) : userFinder(entry);
      if (!find) continue;
      list.push({ entry, find, hint: hintOf(entry) });
    }
    if (compiledCache.size > 64) compiledCache.clear();
    compiledCache.set(key, list);
  }
  last[family] = { extra, year, length: extra.length, list };
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

/** Up to two Chinese characters of `text` before `at` (dir -1) or from it (dir 1), stopping at anything else. */
function neighbours(text: string, at: number, dir: -1 | 1): string {
  let out = '';
  for (let i = dir < 0 ? at - 1 : at; out.length < 2 && i >= 0 && i < text.length && isHanCode(text.charCodeAt(i)); i += dir) out = dir < 0 ? text[i]! + out : out + text[i]!;
  return out;
}

/** The findings of one family's entries on a text unit: the wrong form, the standard one as fix, the note. */
export function wordingFindings(family: WordingFamily, unit: TextUnit, settings: BlockSettings): RawFinding[] {
  const out: RawFinding[] = [];
  const list = compiledEntries(family, settings.year, settings.formulations);
  // One pass finds which entries' literals occur at all; most paragraphs contain none.
  const present = new Set<string>();
  const hints = hintsPattern(list);
  if (hints) for (const m of matches(hints, unit.text)) present.add(m[0]);
  const overlaps = hintOverlaps.get(list);
  const taken: Array<[number, number]> = [];
  for (const { entry, find, hint } of list) {
    if (hint && !present.has(hint) && !(overlaps?.has(hint) && unit.text.includes(hint))) continue;
    for (const m of find(unit.text)) {
      if (m[0].length === 0) continue;
      const start = m.index;
      const end = start + m[0].length;
      // Two entries of one family on the same text (a general and a special form): the first listed speaks.
      if (taken.some(([s, e]) => start < e && s < end)) continue;
      taken.push([start, end]);
      const fix = entry.correct ? entry.correct.replace(/\$(\d)/g, (_, k: string) => m[Number(k)] ?? '') : undefined;
      // A one- or two-character form is quoted with its neighbours (“认真的落实”应为“认真地落实”), as the reader sees it.
      const [lead, tail] = m[0].length <= 2 ? [neighbours(unit.text, start, -1), neighbours(unit.text, end, 1)] : ['', ''];
      const message = `${fix ? `“${lead}${m[0]}${tail}”应为“${lead}${fix}${tail}”。` : `“${m[0]}”表述不规范。`}${entry.note ?? ''}${entry.source ? `（依据：${entry.source}）` : ''}`;
      const f = at(unit, start, end, message, fix);
      if (entry.severity) f.severity = entry.severity;
      out.push(f);
    }
  }
  return out;
}
