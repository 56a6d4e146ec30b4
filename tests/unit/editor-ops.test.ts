// Structural editing of the report body: sections, moves, heading levels, Enter in headings, replacements.
import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { heading, paragraph, type Block } from '../../shared/model/schema';
import { sequenceMarkers } from '../../shared/model/numbering';
import {
  breakHeading, insertBlocksAtCaret, moveSection, moveSectionBefore, pointAt, replaceMany, replaceText, sectionRange, setBlockKind,
  shiftHeadingLevel, siblingSection,
} from '../../shared/editor/ops';
import { countBody, countChars, lengthState } from '../../shared/editor/counts';
import { findMatches, replaceAllEdits } from '../../shared/editor/find';

function editorWith(body: Block[]): Editor {
  const editor = withHistory(createEditor());
  editor.children = structuredClone(body);
  return editor;
}

const texts = (e: Editor) => (e.children as Block[]).map((b) => Node.string(b));
const outline = (e: Editor) => {
  const markers = sequenceMarkers(e.children as Block[]);
  return (e.children as Block[]).flatMap((b, i) => (b.type === 'heading' ? [markers[i] + Node.string(b)] : []));
};

// A report skeleton shaped like the department template.
const report: Block[] = [
  paragraph('2025年，本局坚持依法行政。'),
  heading(1, '主要举措和成效', { parts: ['achievements'] }),
  heading(2, '依法全面履行职能'),
  paragraph('动态调整权责清单事项12项。'),
  heading(2, '健全依法行政制度体系'),
  paragraph('制定行政规范性文件3件。'),
  heading(3, '合法性审核'),
  paragraph('审核文件15件。'),
  heading(1, '存在的不足和原因', { parts: ['shortcomings'] }),
  paragraph('一是执法队伍专业化不足。'),
  heading(1, '下一年度主要安排', { parts: ['plans'] }),
  paragraph('加强执法培训。'),
];

describe('sections', () => {
  it('a section runs to the next heading of the same or a higher level', () => {
    expect(sectionRange(report, 1)).toEqual([1, 8]);
    expect(sectionRange(report, 4)).toEqual([4, 8]);
    expect(sectionRange(report, 6)).toEqual([6, 8]);
    expect(sectionRange(report, 10)).toEqual([10, 12]);
    expect(sectionRange(report, 3)).toEqual([3, 4]);
  });
  it('siblings stay under the same parent', () => {
    expect(siblingSection(report, 2, 'up')).toBeNull();
    expect(siblingSection(report, 4, 'up')).toEqual([2, 4]);
    expect(siblingSection(report, 4, 'down')).toBeNull();
    expect(siblingSection(report, 8, 'down')).toEqual([10, 12]);
    expect(siblingSection(report, 1, 'up')).toBeNull();
  });
});

describe('moving a section renumbers what follows', () => {
  it('moves a level-2 section up with its content and sub-headings', () => {
    const e = editorWith(report);
    expect(moveSection(e, 4, 'up')).toBe(2);
    expect(outline(e)).toEqual([
      '一、主要举措和成效', '（一）健全依法行政制度体系', '1.合法性审核', '（二）依法全面履行职能',
      '二、存在的不足和原因', '三、下一年度主要安排',
    ]);
    expect(texts(e).slice(2, 8)).toEqual(['健全依法行政制度体系', '制定行政规范性文件3件。', '合法性审核', '审核文件15件。', '依法全面履行职能', '动态调整权责清单事项12项。']);
    // One undo puts everything back.
    e.undo();
    expect(texts(e)).toEqual(report.map((b) => Node.string(b)));
  });
  it('moves a part down past its sibling, and refuses to leave its parent', () => {
    const e = editorWith(report);
    expect(moveSection(e, 8, 'down')).toBe(10);
    expect(outline(e).filter((h) => /^[一二三]、/.test(h))).toEqual(['一、主要举措和成效', '二、下一年度主要安排', '三、存在的不足和原因']);
    expect(texts(e)[11]).toBe('一是执法队伍专业化不足。');
    expect(moveSection(e, 2, 'up')).toBeNull();
    expect(moveSection(e, 10, 'down')).toBeNull();
  });
  it('drags a part before another and ignores a drop inside itself', () => {
    const e = editorWith(report);
    expect(moveSectionBefore(e, 10, 1)).toBe(1);
    expect(outline(e)[0]).toBe('一、下一年度主要安排');
    expect(texts(e)[2]).toBe('加强执法培训。');
    expect(moveSectionBefore(e, 1, 2)).toBeNull();
    expect(moveSectionBefore(e, 3, 12)).toBe(5);
    expect(outline(e)).toEqual([
      '一、下一年度主要安排', '二、存在的不足和原因', '三、主要举措和成效', '（一）依法全面履行职能', '（二）健全依法行政制度体系', '1.合法性审核',
    ]);
  });
});

describe('heading levels', () => {
  it('Tab demotes and Shift+Tab promotes within 1..4, and the numbers follow', () => {
    const e = editorWith(report);
    expect(shiftHeadingLevel(e, 4, 1)).toBe(true);
    expect(outline(e).slice(0, 4)).toEqual(['一、主要举措和成效', '（一）依法全面履行职能', '1.健全依法行政制度体系', '2.合法性审核']);
    expect(shiftHeadingLevel(e, 1, -1)).toBe(false);
    expect(shiftHeadingLevel(e, 0, 1)).toBe(false);
    expect(shiftHeadingLevel(e, 6, 1)).toBe(true);
    expect(shiftHeadingLevel(e, 6, 1)).toBe(false);
    expect(outline(e)[3]).toBe('（1）合法性审核');
  });
  it('turns a paragraph into a heading and back, dropping heading-only fields', () => {
    const e = editorWith(report);
    expect(setBlockKind(e, 3, { type: 'heading', level: 2 })).toBe(true);
    expect(outline(e).slice(0, 4)).toEqual(['一、主要举措和成效', '（一）依法全面履行职能', '（二）动态调整权责清单事项12项。', '（三）健全依法行政制度体系']);
    expect(setBlockKind(e, 1, { type: 'paragraph' })).toBe(true);
    expect(e.children[1]).toEqual({ type: 'paragraph', children: [{ text: '主要举措和成效' }] });
  });
});

describe('Enter in a heading', () => {
  it('at the end starts a paragraph after it', () => {
    const e = editorWith(report);
    Transforms.select(e, Editor.end(e, [2]));
    expect(breakHeading(e)).toBe(true);
    expect(e.children[3]).toEqual(paragraph(''));
    expect(e.selection?.anchor.path).toEqual([3, 0]);
    expect(outline(e)[1]).toBe('（一）依法全面履行职能');
  });
  it('in the middle makes the rest body text', () => {
    const e = editorWith([heading(2, '依法决策。全年审核12件。')]);
    Transforms.select(e, { path: [0, 0], offset: 5 });
    expect(breakHeading(e)).toBe(true);
    expect(e.children).toEqual([heading(2, '依法决策。'), paragraph('全年审核12件。')]);
  });
  it('at the start puts an empty paragraph above', () => {
    const e = editorWith([heading(1, '主要举措')]);
    Transforms.select(e, Editor.start(e, [0]));
    expect(breakHeading(e)).toBe(true);
    expect(e.children).toEqual([paragraph(''), heading(1, '主要举措')]);
  });
  it('at the end of a run-in heading goes on into its paragraph', () => {
    const e = editorWith([heading(2, '深化政务公开。', { runIn: true }), paragraph('主动公开信息120条。')]);
    Transforms.select(e, Editor.end(e, [0]));
    expect(breakHeading(e)).toBe(true);
    expect(e.children).toHaveLength(2);
    expect(e.selection?.anchor).toEqual({ path: [1, 0], offset: 0 });
  });
  it('does nothing in a paragraph', () => {
    const e = editorWith([paragraph('正文')]);
    Transforms.select(e, Editor.end(e, [0]));
    expect(breakHeading(e)).toBe(false);
  });
});

describe('offsets and replacements', () => {
  it('maps block offsets across several leaves', () => {
    const e = editorWith([{ type: 'paragraph', children: [{ text: '全年办理' }, { text: '18', stale: true }, { text: '件。' }] }]);
    expect(pointAt(e, [0], 0)).toEqual({ path: [0, 0], offset: 0 });
    expect(pointAt(e, [0], 4, 'start')).toEqual({ path: [0, 1], offset: 0 });
    expect(pointAt(e, [0], 4, 'end')).toEqual({ path: [0, 0], offset: 4 });
    expect(pointAt(e, [0], 7)).toEqual({ path: [0, 2], offset: 1 });
    expect(pointAt(e, [0], 99)).toEqual({ path: [0, 2], offset: 2 });
  });
  it('replaces only when the text is still what was found', () => {
    const e = editorWith([paragraph('全年办理案件18件,满意率100%。')]);
    expect(replaceText(e, [0], 9, 10, '，', ',')).toBe(false);
    expect(replaceText(e, [0], 9, 10, ',', '，')).toBe(true);
    expect(Node.string(e.children[0]!)).toBe('全年办理案件18件，满意率100%。');
  });
  it('find and replace all is one undoable step, in headings, paragraphs and cells', () => {
    const body: Block[] = [
      heading(1, '执法监督'),
      paragraph('加强执法监督，规范执法行为。'),
      { type: 'table', children: [{ type: 'table-row', children: [{ type: 'table-cell', children: [{ text: '执法案卷' }] }] }] },
    ];
    const e = editorWith(body);
    const matches = findMatches(e.children as Block[], '执法');
    expect(matches.map((m) => m.path)).toEqual([[0], [1], [1], [2, 0, 0]]);
    expect(replaceMany(e, replaceAllEdits(matches, '行政执法'))).toBe(4);
    expect(texts(e)).toEqual(['行政执法监督', '加强行政执法监督，规范行政执法行为。', '行政执法案卷']);
    e.undo();
    expect(texts(e)).toEqual(['执法监督', '加强执法监督，规范执法行为。', '执法案卷']);
  });
  it('loose matching folds full-width letters and case', () => {
    expect(findMatches([paragraph('ＡＢＣ与abc')], 'abc', { loose: true }).map((m) => m.text)).toEqual(['ＡＢＣ', 'abc']);
    expect(findMatches([paragraph('ＡＢＣ与abc')], 'abc').map((m) => m.text)).toEqual(['abc']);
  });
});

describe('counts', () => {
  it('counts characters without whitespace, per level-1 part and in total', () => {
    expect(countChars(' 全年 办理\u300018件。\n')).toBe(8);
    const c = countBody(report);
    expect(c.sections.map((s) => s.index)).toEqual([-1, 1, 8, 10]);
    expect(c.sections[0]!.chars).toBe(countChars('2025年，本局坚持依法行政。'));
    expect(c.total).toBe(c.sections.reduce((a, s) => a + s.chars, 0));
  });
  it('stands against an optional target', () => {
    expect(lengthState(100, undefined)).toBe('none');
    expect(lengthState(100, { min: 3000 })).toBe('short');
    expect(lengthState(5000, { min: 3000, max: 4000 })).toBe('long');
    expect(lengthState(3500, { min: 3000, max: 4000 })).toBe('ok');
  });
});

describe('pasting structured text at the caret', () => {
  const pasted: Block[] = [heading(2, '严格规范公正文明执法'), paragraph('办理行政处罚案件36件。')];
  it('in the middle of a paragraph splits it and puts the blocks between the halves, caret after them', () => {
    const e = editorWith([paragraph('全年开展执法检查，成效明显。')]);
    Transforms.select(e, { path: [0, 0], offset: 9 });
    insertBlocksAtCaret(e, structuredClone(pasted));
    expect(texts(e)).toEqual(['全年开展执法检查，', '严格规范公正文明执法', '办理行政处罚案件36件。', '成效明显。']);
    expect(e.selection?.anchor).toEqual({ path: [2, 0], offset: '办理行政处罚案件36件。'.length });
    e.undo();
    expect(texts(e)).toEqual(['全年开展执法检查，成效明显。']);
  });
  it('into an empty paragraph replaces it; at the end of a block goes after it; at the start goes before it', () => {
    const e = editorWith([paragraph('前文。'), paragraph(''), paragraph('后文。')]);
    Transforms.select(e, Editor.start(e, [1]));
    insertBlocksAtCaret(e, structuredClone(pasted));
    expect(texts(e)).toEqual(['前文。', '严格规范公正文明执法', '办理行政处罚案件36件。', '后文。']);
    Transforms.select(e, Editor.end(e, [0]));
    insertBlocksAtCaret(e, [paragraph('补充一句。')]);
    expect(texts(e)[1]).toBe('补充一句。');
    Transforms.select(e, Editor.start(e, [0]));
    insertBlocksAtCaret(e, [paragraph('开头。')]);
    expect(texts(e).slice(0, 2)).toEqual(['开头。', '前文。']);
  });
});
