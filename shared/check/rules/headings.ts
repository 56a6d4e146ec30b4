// Misspelt headings of the mandated parts (shared, pure): a heading one character off the usual wording of a part
// (存在的不足和原应, 主要举错和成效) is a warning with the usual word as fix; accepted variants (及 for 和, 成果 for 成效) pass.
import type { MandatedPartId } from '../../model/schema';
import { PART_NAMES } from '../../model/parts';
import type { BlockRule, RawFinding } from '../types';
import { at, isHanCode } from '../text';
import { builtinEntries } from '../wording';

/** The usual wordings of each part's heading, split into words (a misspelling is judged word by word). */
const USUAL: ReadonlyArray<{ part: MandatedPartId; words: readonly string[] }> = [
  { part: 'achievements', words: ['主要', '举措', '和', '成效'] },
  { part: 'achievements', words: ['主要', '做法', '和', '成效'] },
  { part: 'achievements', words: ['工作', '开展', '情况'] },
  { part: 'shortcomings', words: ['存在', '的', '不足', '和', '原因'] },
  { part: 'shortcomings', words: ['存在', '的', '问题', '和', '不足'] },
  { part: 'shortcomings', words: ['存在', '的', '问题', '和', '原因'] },
  { part: 'leadership', words: ['第一', '责任人', '职责'] },
  { part: 'leadership', words: ['党政', '主要', '负责人'] },
  { part: 'plans', words: ['下一', '年度', '主要', '安排'] },
  { part: 'plans', words: ['下一步', '工作', '安排'] },
  { part: 'plans', words: ['下一步', '工作', '打算'] },
  { part: 'other', words: ['其他', '需要', '报告', '的', '情况'] },
];

/** Words one character off a usual one that are right too. */
const ACCEPTED = new Set(['及', '与', '并', '成果', '成绩', '成就', '实效', '原由', '缘由', '起因', '情形', '概况', '状况', '党委', '重要']);
/** Misspellings the confusable words already report with their fix (按排, 其它): not reported twice. */
const CONFUSABLE = new Set(builtinEntries('confusable').filter((e) => !e.regex).map((e) => e.wrong));

interface Slip { start: number; end: number; wrong: string; right: string; part: MandatedPartId }

/** The first usual wording the text is one character off (and does not contain as written). */
function slipIn(text: string): Slip | undefined {
  for (const { part, words } of USUAL) {
    const usual = words.join('');
    if (text.includes(usual)) continue;
    for (let from = 0; from + usual.length <= text.length; from++) {
      let miss = -1;
      let count = 0;
      for (let i = 0; i < usual.length && count < 2; i++) if (text[from + i] !== usual[i]) { miss = i; count++; }
      if (count !== 1 || !isHanCode(text.charCodeAt(from + miss))) continue;
      // The word of the usual wording the different character falls in.
      let w = 0;
      let wordStart = 0;
      while (wordStart + words[w]!.length <= miss) wordStart += words[w++]!.length;
      const right = words[w]!;
      const wrong = text.slice(from + wordStart, from + wordStart + right.length);
      if (ACCEPTED.has(wrong) || CONFUSABLE.has(wrong)) continue;
      return { start: from + wordStart, end: from + wordStart + right.length, wrong, right, part };
    }
  }
  return undefined;
}

export const headingWording: BlockRule = {
  id: 'form.heading',
  category: 'formulation',
  severity: 'warning',
  title: '法定部分的标题错字（与常用写法差一个字）',
  scope: 'block',
  appliesToTitle: false,
  check(unit) {
    if (unit.kind !== 'heading' || (unit.level ?? 1) > 2) return [];
    // A run-in heading is its text up to the first full stop.
    const end = unit.runIn ? Math.max(0, unit.text.search(/[。：]/)) || unit.text.length : unit.text.length;
    const slip = slipIn(unit.text.slice(0, end));
    if (!slip) return [];
    const f: RawFinding = at(unit, slip.start, slip.end, `标题中的“${slip.wrong}”疑为“${slip.right}”之误：“${PART_NAMES[slip.part]}”部分的标题通常写作“${slip.right}”。`, slip.right);
    return [f];
  },
};
