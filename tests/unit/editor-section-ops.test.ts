// Whole sections and parts: 删除本节, deleting selected whole blocks without an empty paragraph left, 插入表格, and
// inserting a missing mandated part at its place in the order of the parts (shared/editor/sectionOps.ts).
import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms } from 'slate';
import { withHistory } from 'slate-history';
import { heading, paragraph, type Block } from '../../shared/model/schema';
import { recognizeMandatedParts } from '../../shared/outline/parts';
import {
  deleteSection, deleteWholeBlocks, insertPart, insertTableAfter, missingPartOf, partInsertIndex, sectionHeadingAt, wholeBlocksSelected,
} from '../../shared/editor/sectionOps';

function editorWith(body: Block[]): Editor {
  const editor = withHistory(createEditor());
  editor.children = structuredClone(body);
  return editor;
}
const texts = (e: Editor) => (e.children as Block[]).map((b) => Node.string(b));

const report: Block[] = [
  paragraph('2025年，本局坚持依法行政。'),
  heading(1, '主要举措和成效', { parts: ['achievements'] }),
  heading(2, '依法全面履行职能'),
  paragraph('全年审核文件12件。'),
  heading(2, '加强行政执法监督'),
  paragraph('开展执法检查3次。'),
  heading(1, '存在的不足和原因', { parts: ['shortcomings'] }),
  paragraph('执法队伍力量不足。'),
  heading(1, '下一年度主要安排', { parts: ['plans'] }),
  paragraph('继续推进依法行政。'),
];

describe('the section at the caret', () => {
  it('is the heading at or before the block', () => {
    expect(sectionHeadingAt(report, 3)).toBe(2);
    expect(sectionHeadingAt(report, 2)).toBe(2);
    expect(sectionHeadingAt(report, 7)).toBe(6);
    expect(sectionHeadingAt(report, 0)).toBe(-1);
  });
});

describe('删除本节', () => {
  it('removes the heading and everything under it, and nothing else; the caret goes to what follows', () => {
    const e = editorWith(report);
    expect(deleteSection(e, 3)).toBe(true);
    expect(texts(e)).toEqual(texts(editorWith(report)).filter((_, i) => i !== 2 && i !== 3));
    expect(e.selection?.anchor.path[0]).toBe(2);
    expect(Node.string(e.children[2]!)).toBe('加强行政执法监督');
  });
  it('a level-1 part takes its sub-sections with it; one undo gives it all back', () => {
    const e = editorWith(report);
    deleteSection(e, 1);
    expect(texts(e)).toEqual(['2025年，本局坚持依法行政。', '存在的不足和原因', '执法队伍力量不足。', '下一年度主要安排', '继续推进依法行政。']);
    e.undo();
    expect(e.children).toEqual(report);
  });
  it('the last section leaves no empty paragraph; the caret ends on the block before', () => {
    const e = editorWith(report);
    deleteSection(e, 9);
    expect(texts(e).at(-1)).toBe('执法队伍力量不足。');
    expect(e.children).toHaveLength(8);
    expect(e.selection?.anchor.path[0]).toBe(7);
  });
  it('does nothing before the first heading', () => {
    const e = editorWith(report);
    expect(deleteSection(e, 0)).toBe(false);
    expect(e.children).toEqual(report);
  });
  it('a body made of one section keeps one empty paragraph to type in', () => {
    const e = editorWith([heading(1, '主要举措和成效'), paragraph('正文。')]);
    deleteSection(e, 1);
    expect(e.children).toEqual([paragraph('')]);
  });
});

describe('deleting selected whole blocks', () => {
  const select = (e: Editor, from: [number, number], to: [number, number]) =>
    Transforms.select(e, { anchor: { path: [from[0], 0], offset: from[1] }, focus: { path: [to[0], 0], offset: to[1] } });

  it('a heading and its content selected to the end of the content: removed, no empty paragraph left', () => {
    const e = editorWith(report);
    select(e, [6, 0], [7, '执法队伍力量不足。'.length]);
    expect(wholeBlocksSelected(e)).toEqual([6, 8]);
    expect(deleteWholeBlocks(e)).toBe(true);
    expect(texts(e)).toEqual(texts(editorWith(report)).filter((_, i) => i !== 6 && i !== 7));
    expect(Node.string(e.children[6]!)).toBe('下一年度主要安排');
  });
  it('selected down to the start of the next heading (a drag to the next line): the next heading stays whole', () => {
    const e = editorWith(report);
    select(e, [6, 0], [8, 0]);
    expect(wholeBlocksSelected(e)).toEqual([6, 8]);
    deleteWholeBlocks(e);
    expect(e.children).toHaveLength(8);
    expect((e.children[6] as Block).type).toBe('heading');
  });
  it('is selected in either direction (backwards selection)', () => {
    const e = editorWith(report);
    select(e, [7, '执法队伍力量不足。'.length], [6, 0]);
    expect(wholeBlocksSelected(e)).toEqual([6, 8]);
  });
  it('look-alikes stay Slate’s usual delete: part of a block, one block, a collapsed caret', () => {
    const e = editorWith(report);
    select(e, [6, 2], [7, '执法队伍力量不足。'.length]);
    expect(wholeBlocksSelected(e)).toBeNull();
    select(e, [6, 0], [7, 3]);
    expect(wholeBlocksSelected(e)).toBeNull();
    select(e, [7, 0], [7, '执法队伍力量不足。'.length]);
    expect(wholeBlocksSelected(e)).toBeNull();
    select(e, [7, 1], [7, 1]);
    expect(deleteWholeBlocks(e)).toBe(false);
    expect(e.children).toEqual(report);
  });
});

describe('插入表格', () => {
  it('inserts a 2×3 table after the block with the caret in its first cell', () => {
    const e = editorWith(report);
    insertTableAfter(e, 3);
    const t = e.children[4] as Block;
    expect(t.type).toBe('table');
    expect(t.type === 'table' && t.children.map((r) => r.children.length)).toEqual([3, 3]);
    expect(e.selection?.anchor.path).toEqual([4, 0, 0, 0]);
    expect(Node.string(e.children[5]!)).toBe('加强行政执法监督');
  });
});

describe('插入此部分', () => {
  const without = (drop: number[]) => report.filter((_, i) => !drop.includes(i));

  it('a missing middle part goes after the preceding parts present, tagged, with the template guidance as a hint', () => {
    const body = without([6, 7]);
    expect(partInsertIndex(body, 'shortcomings', 2025)).toBe(6);
    const e = editorWith(body);
    const at = insertPart(e, 'shortcomings', '写本年度工作中存在的不足及其原因。', 2025);
    expect(at).toBe(6);
    expect(e.children[6]).toEqual(heading(1, '存在的不足和原因', { parts: ['shortcomings'] }));
    expect(e.children[7]).toEqual({ type: 'paragraph', children: [{ text: '（写本年度工作中存在的不足及其原因。）', hint: true }] });
    expect(Node.string(e.children[8]!)).toBe('下一年度主要安排');
    expect(e.selection?.anchor.path[0]).toBe(7);
    expect(recognizeMandatedParts({ body: e.children as Block[], meta: { year: 2025 } }).missing).not.toContain('shortcomings');
  });
  it('the first part goes before the parts that follow it; without guidance the paragraph is empty', () => {
    const body = without([1, 2, 3, 4, 5]);
    expect(partInsertIndex(body, 'achievements', 2025)).toBe(1);
    const e = editorWith(body);
    insertPart(e, 'achievements', undefined, 2025);
    expect(texts(e).slice(0, 4)).toEqual(['2025年，本局坚持依法行政。', '主要举措和成效', '', '存在的不足和原因']);
  });
  it('the last part goes after the last part present, after its sub-sections; with no part at all, at the end', () => {
    const body = without([8, 9]);
    expect(partInsertIndex(body, 'plans', 2025)).toBe(body.length);
    const none = [paragraph('引言。'), heading(1, '其他')];
    expect(partInsertIndex(none, 'plans', 2025)).toBe(2);
  });
  it('is one undo step', () => {
    const e = editorWith(without([6, 7]));
    insertPart(e, 'shortcomings', '写不足。', 2025);
    e.undo();
    expect(e.children).toEqual(without([6, 7]));
  });
});

describe('the part of a missing-part finding', () => {
  it('is the id it carries, or the one part its message names; other findings have none', () => {
    expect(missingPartOf({ rule: 'struct.part-missing', text: 'plans', message: '未找到“下一年度主要安排”部分。' })).toBe('plans');
    expect(missingPartOf({ rule: 'struct.part-missing', text: '', message: '未找到“存在的不足和原因”部分。' })).toBe('shortcomings');
    expect(missingPartOf({ rule: 'struct.part-missing', text: '', message: '报告正文为空。按规定，报告应包括：主要举措和成效、存在的不足和原因。' })).toBeUndefined();
    expect(missingPartOf({ rule: 'struct.leadership', text: 'leadership', message: '未找到“党政主要负责人履行第一责任人职责情况”。' })).toBeUndefined();
  });
});
