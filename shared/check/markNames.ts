// The names of punctuation marks (shared, pure), so that a suggested “，” can be told from “,” in any UI font: one
// table, used wherever a fix is shown.

/** Each mark a fix may insert or remove, with its name as the user reads it. */
export const MARK_NAMES: Readonly<Record<string, string>> = {
  '，': '全角逗号',
  ',': '半角逗号',
  '。': '句号',
  '.': '半角句点',
  '、': '顿号',
  '；': '全角分号',
  ';': '半角分号',
  '：': '全角冒号',
  ':': '半角冒号',
  '？': '全角问号',
  '?': '半角问号',
  '！': '全角叹号',
  '!': '半角叹号',
  '（': '全角左括号',
  '）': '全角右括号',
  '(': '半角左括号',
  ')': '半角右括号',
  '“': '左双引号',
  '”': '右双引号',
  '"': '半角引号',
  '‘': '左单引号',
  '’': '右单引号',
  '《': '左书名号',
  '》': '右书名号',
  '〈': '左单书名号',
  '〉': '右单书名号',
  '【': '左方头括号',
  '】': '右方头括号',
  '～': '浪纹线',
  '~': '半角波浪号',
  '—': '破折号',
  '-': '半角连字符',
  '－': '全角连字符',
  '…': '省略号',
  '·': '间隔号',
};

/** A piece of a shown text: plain text, or one mark with its name. */
export type MarkSegment = { text: string; name?: string };

/** Splits a text into plain runs and named marks (for boxing each mark with its name). */
export function markSegments(text: string): MarkSegment[] {
  const out: MarkSegment[] = [];
  let run = '';
  for (const ch of text) {
    const name = MARK_NAMES[ch];
    if (name === undefined) { run += ch; continue; }
    if (run) out.push({ text: run });
    run = '';
    out.push({ text: ch, name });
  }
  if (run) out.push({ text: run });
  return out;
}

/** A fix as plain words: “，”（全角逗号）for a single mark, the text itself otherwise. */
export function describeFix(fix: string): string {
  const name = fix.length === 1 ? MARK_NAMES[fix] : undefined;
  return name ? `“${fix}”（${name}）` : `“${fix}”`;
}

/** The marks a same-length fix changes, each once: [from, to] pairs (“,” → “，”), in order of first appearance. */
export function markChanges(text: string, fix: string): [string, string][] {
  if (text.length !== fix.length) return [];
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === fix[i] || seen.has(text[i]! + fix[i]!)) continue;
    seen.add(text[i]! + fix[i]!);
    out.push([text[i]!, fix[i]!]);
  }
  return out;
}
