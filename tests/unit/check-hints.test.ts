// Template writing hints: their own kind of text node, migrated from old files and templates, removed as a unit in
// the editor, never exported, counted or taken for content; the checker reports every hint and placeholder left.
import { describe, expect, it } from 'vitest';
import { createEditor, Editor, Node, Transforms, type Descendant } from 'slate';
import { withHistory } from 'slate-history';
import { withHints } from '../../shared/editor/hints';
import { countBody } from '../../shared/editor/counts';
import { splitHintLeaves } from '../../shared/model/hints';
import { FZBG_VERSION, migrateHintLeaves, parseDocument } from '../../shared/model/format';
import { Template } from '../../shared/model/template';
import { blockContent, type Block, type ParagraphElement, type TextLeaf } from '../../shared/model/schema';

const HINT = '（写权责清单动态调整、“放管服”改革等。）';
const hinted = (): ParagraphElement => ({ type: 'paragraph', children: [{ text: HINT, hint: true }, { text: '动态调整权责清单事项12项。' }] });

function editorWith(body: Descendant[]): Editor {
  const editor = withHints(withHistory(createEditor()));
  editor.children = body;
  return editor;
}

describe('hint leaves in the model', () => {
  it('splits plain-text hints out of a leaf, keeping the rest and its marks', () => {
    expect(splitHintLeaves([{ text: `${HINT}动态调整权责清单事项【××项】。` }])).toEqual([
      { text: HINT, hint: true }, { text: '动态调整权责清单事项【××项】。' },
    ]);
    expect(splitHintLeaves([{ text: '（如无，可删去本部分。）' }])).toEqual([{ text: '（如无，可删去本部分。）', hint: true }]);
    expect(splitHintLeaves<TextLeaf>([{ text: '（针对上述不足，写具体可检查的措施。）' }])[0]!.hint).toBe(true);
    expect(splitHintLeaves<TextLeaf>([{ text: '（如法治政府建设督察反馈问题整改情况；如无，可删去本部分。）' }])[0]!.hint).toBe(true);
  });

  it('leaves parentheses of real report text alone', () => {
    for (const text of [
      '全面落实《法治政府建设实施纲要（2021—2025年）》。',
      '办理行政复议案件35件（含上年结转3件）。',
      '制定《行政执法公示办法》（以下简称《办法》）。',
      '（一）加强组织领导。',
      '详见附件（写入年度考核的指标共12项）',
    ]) {
      const leaves = [{ text }];
      expect(splitHintLeaves(leaves)).toBe(leaves);
    }
  });

  it('opens a version-1 file with its inline hints as hint leaves', () => {
    expect(FZBG_VERSION).toBeGreaterThan(1);
    const v1 = {
      format: 'fzbg', version: 1, id: 'old',
      meta: { organ: 'X市司法局', year: 2024, title: 'X市司法局关于2024年度法治政府建设情况的报告', addressee: '', date: '', signature: '' },
      body: [{ type: 'paragraph', children: [{ text: `${HINT}动态调整权责清单事项12项。` }] }],
    };
    const doc = parseDocument(JSON.stringify(v1));
    expect(doc.body[0]).toEqual(hinted());
    expect(migrateHintLeaves({ body: 'not a list' })).toEqual({ body: 'not a list' });
  });

  it('opens a user or team template written before hint leaves with its hints marked', () => {
    const t = Template.parse({ id: 'mine', name: '我的模板', body: [{ type: 'paragraph', children: [{ text: `${HINT}动态调整权责清单事项12项。` }] }], rules: {} });
    expect(t.body[0]).toEqual(hinted());
  });

  it('never counts a hint as text or as content', () => {
    const body: Block[] = [hinted()];
    expect(countBody(body).total).toBe('动态调整权责清单事项12项。'.length);
    expect(blockContent(body[0]!)).toBe('动态调整权责清单事项12项。');
  });
});

describe('hints in the editor', () => {
  it('typing into a hint replaces the whole hint with what is typed', () => {
    const editor = editorWith([hinted()]);
    Transforms.select(editor, { path: [0, 0], offset: 4 });
    editor.insertText('全年');
    Editor.normalize(editor, { force: true });
    expect(editor.children).toEqual([{ type: 'paragraph', children: [{ text: '全年动态调整权责清单事项12项。' }] }]);
  });

  it('a caret at either edge of the hint leaf replaces it; a caret in the text after it types beside it', () => {
    const atEnd = editorWith([hinted()]);
    Transforms.select(atEnd, { path: [0, 0], offset: HINT.length });
    atEnd.insertText('全年');
    Editor.normalize(atEnd, { force: true });
    expect(Node.string(atEnd)).toBe('全年动态调整权责清单事项12项。');

    const after = editorWith([hinted()]);
    Transforms.select(after, { path: [0, 1], offset: 2 });
    after.insertText('全年');
    expect(Node.string(after)).toBe(`${HINT}动态全年调整权责清单事项12项。`);
    expect(after.children).toEqual([{ type: 'paragraph', children: [{ text: HINT, hint: true }, { text: '动态全年调整权责清单事项12项。' }] }]);
  });

  it('a hint that is the whole paragraph gives way to the typing', () => {
    const editor = editorWith([{ type: 'paragraph', children: [{ text: '（如无，可删去本部分。）', hint: true }] }]);
    Transforms.select(editor, { path: [0, 0], offset: 0 });
    editor.insertText('无。');
    Editor.normalize(editor, { force: true });
    expect(editor.children).toEqual([{ type: 'paragraph', children: [{ text: '无。' }] }]);
  });

  it('Backspace or Delete on a hint removes it whole; elsewhere they delete one character', () => {
    const back = editorWith([hinted()]);
    Transforms.select(back, { path: [0, 1], offset: 0 });
    back.deleteBackward('character');
    Editor.normalize(back, { force: true });
    expect(Node.string(back)).toBe('动态调整权责清单事项12项。');

    const fwd = editorWith([hinted()]);
    Transforms.select(fwd, { path: [0, 0], offset: 0 });
    fwd.deleteForward('character');
    Editor.normalize(fwd, { force: true });
    expect(Node.string(fwd)).toBe('动态调整权责清单事项12项。');

    const plain = editorWith([hinted()]);
    Transforms.select(plain, { path: [0, 1], offset: 2 });
    plain.deleteBackward('character');
    expect(Node.string(plain)).toBe(`${HINT}动调整权责清单事项12项。`);
  });

  it('deleting a selection that touches a hint takes the whole hint', () => {
    const editor = editorWith([hinted()]);
    Transforms.select(editor, { anchor: { path: [0, 0], offset: 5 }, focus: { path: [0, 1], offset: 2 } });
    editor.deleteFragment();
    Editor.normalize(editor, { force: true });
    expect(editor.children).toEqual([{ type: 'paragraph', children: [{ text: '调整权责清单事项12项。' }] }]);
  });

  it('undo brings the hint back', () => {
    const editor = editorWith([hinted()]);
    Transforms.select(editor, { path: [0, 0], offset: 3 });
    editor.insertText('全');
    editor.undo();
    expect(editor.children).toEqual([hinted()]);
  });
});
