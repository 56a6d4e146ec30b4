// Regular expressions written by team leads in templates (formulation entries, required indicators), run in a
// linear-time engine (shared, pure): RE2 (re2js) matches in time proportional to the text whatever the pattern, so
// no pattern can freeze the checker. Only what RE2 cannot express is refused: back-references and lookaheads.
// The built-in dictionary (templates/formulations.json) stays on the native engine: it is ours, reviewed, uses
// lookaheads, and re2js runs it about 20× slower (figures in README, 安全与可靠性).
import { RE2JS } from 're2js';

/** A compiled template pattern: every match of a text, or whether it matches at all. */
export interface TextPattern {
  /** The non-overlapping matches, leftmost first, shaped like RegExp exec results (index, groups [1], [2] …). */
  matchAll(text: string): RegExpExecArray[];
  test(text: string): boolean;
}

export type CompiledPattern = { ok: true; pattern: TextPattern } | { ok: false; reason: string };

const MAX_PATTERN_LENGTH = 1000;

/** JavaScript's \s (RE2's \s is ASCII only; Chinese text has U+3000 and no-break spaces). */
const JS_SPACE = '\\t\\n\\v\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

/**
 * Why RE2 cannot run a JavaScript pattern, in Chinese, or null when it can. Looks at the syntax only (outside
 * character classes): back-references (\1, \k<名>) and lookaheads ((?=…), (?!…)) need backtracking.
 */
function unsupported(source: string): string | null {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9]/.test(next)) return `使用了反向引用“\\${next}”`;
      if (!inClass && next === 'k' && source[i + 2] === '<') return '使用了命名反向引用“\\k<…>”';
      i += 1;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(' && source[i + 1] === '?' && (source[i + 2] === '=' || source[i + 2] === '!')) return `使用了先行断言“(?${source[i + 2]}…)”`;
  }
  return null;
}

/** \s and \S as JavaScript means them (outside classes as a class; inside a class, \s as its members). */
function withJsSpaces(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else out += ch + next;
      i += 1;
      continue;
    }
    if (inClass && ch === ']') inClass = false;
    else if (!inClass && ch === '[') inClass = true;
    out += ch;
  }
  return out;
}

/** Compiles a template pattern (JavaScript syntax, as team leads write and test it) for the linear-time engine. */
export function compileUserPattern(source: string): CompiledPattern {
  if (source.length === 0) return { ok: false, reason: '为空' };
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: `过长（${source.length} 个字符，上限 ${MAX_PATTERN_LENGTH}）` };
  const why = unsupported(source);
  if (why) return { ok: false, reason: `${why}，本软件为保证检查不被卡住，只支持不需回溯的写法` };
  let re: ReturnType<typeof RE2JS.compile>;
  try {
    re = RE2JS.compile(withJsSpaces(RE2JS.translateRegExp(source)), RE2JS.LOOKBEHINDS);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    if (/capture in lookbehind/.test(message)) return { ok: false, reason: '在后行断言“(?<=…)”“(?<!…)”中使用了捕获分组，请改用“(?:…)”' };
    return { ok: false, reason: '不是有效的正则表达式' };
  }
  return {
    ok: true,
    pattern: {
      matchAll: (text) => [...re.matchAll(text)] as unknown as RegExpExecArray[],
      test: (text) => re.test(text),
    },
  };
}

/** A Chinese sentence for a refused pattern: names the template (when known), the pattern and the reason. */
export function refusedPatternMessage(source: string, reason: string, templateName?: string): string {
  const shown = source.length > 60 ? `${source.slice(0, 59)}…` : source;
  return `${templateName ? `模板“${templateName}”中的` : '模板中的'}匹配规则“${shown}”${reason}，无法使用，已跳过该规则。`;
}

/** The pattern sources of a wording entry: its wrong form (with `regex`) and its context conditions. */
interface WordingPatterns { wrong: string; regex?: boolean; before?: string; notBefore?: string; after?: string; notAfter?: string }

/** The refused patterns of a template's rules, one Chinese message each (shown when a template is loaded or saved). */
export function templatePatternProblems(
  rules: { formulations: ReadonlyArray<WordingPatterns>; requiredIndicators: ReadonlyArray<{ pattern: string }> },
  templateName: string,
  /** Patterns run natively because they restate a built-in one (the wording dictionaries' BUILTIN_PATTERNS). */
  trusted: ReadonlySet<string> = new Set(),
): string[] {
  const context = (f: WordingPatterns) => [f.before, f.notBefore, f.after, f.notAfter].filter((c): c is string => !!c);
  const sources = [
    ...rules.formulations.flatMap((f) => [...(f.regex ? [f.wrong] : []), ...context(f)]).filter((p) => !trusted.has(p)),
    ...rules.requiredIndicators.map((r) => r.pattern),
  ];
  const out: string[] = [];
  for (const source of new Set(sources)) {
    const compiled = compileUserPattern(source);
    if (!compiled.ok) out.push(refusedPatternMessage(source, compiled.reason, templateName));
  }
  return out;
}
