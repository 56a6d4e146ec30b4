// Undo of 接受/拒绝 in the 审阅 tab (shared/editor/reviewHistory.ts, on a real Slate editor with history): the
// decided items come back with the text at 撤销 and go again at 重做, also when the body did not change (拒绝), and
// items changed meanwhile (a reply) are kept.
import { createEditor, Transforms, type Descendant } from 'slate';
import { withHistory, HistoryEditor } from 'slate-history';
import { describe, expect, it } from 'vitest';
import { followHistory, recordStep, repeatStep, restoreStep } from '../../shared/editor/reviewHistory';
import type { ReviewItem } from '../../shared/model/review';
import { paragraph } from '../../shared/model/schema';

const item = (id: string, text: string): ReviewItem => ({
  id, kind: 'insert', author: '张科长', date: '', text, quote: '', before: '', after: '', anchor: { path: [0], start: 0, end: 0 }, replies: [], done: false, source: 'r.docx',
});

function setup() {
  const editor = withHistory(createEditor());
  editor.children = [paragraph('培训次')] as Descendant[];
  let items: ReviewItem[] = [item('a', '4'), item('b', '5'), item('c', '6')];
  const stop = followHistory(editor, () => ({ items: () => items, title: () => '', set: (next) => void (items = next) }));
  return { editor, get: () => items, set: (next: ReviewItem[]) => void (items = next), stop };
}

describe('review decisions and the undo history', () => {
  it('puts accepted items back in their places with the text, and takes them off again at redo', () => {
    const s = setup();
    const all = s.get();
    recordStep(s.editor, () => HistoryEditor.withNewBatch(s.editor, () => Transforms.insertText(s.editor, '4', { at: { path: [0, 0], offset: 2 } })), { removed: [{ item: all[0]!, index: 0 }] });
    s.set(all.slice(1));
    s.editor.undo();
    expect((s.editor.children[0] as { children: { text: string }[] }).children[0]!.text).toBe('培训次');
    expect(s.get().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    s.editor.redo();
    expect((s.editor.children[0] as { children: { text: string }[] }).children[0]!.text).toBe('培训4次');
    expect(s.get().map((i) => i.id)).toEqual(['b', 'c']);
    s.stop();
  });

  it('makes a 拒绝 that leaves the body as it is one undo step of its own', () => {
    const s = setup();
    const all = s.get();
    recordStep(s.editor, () => undefined, { removed: [{ item: all[1]!, index: 1 }, { item: all[2]!, index: 2 }] });
    s.set(all.slice(0, 1));
    expect(s.editor.history.undos).toHaveLength(1);
    s.editor.undo();
    expect(s.get().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(s.editor.history.undos).toHaveLength(0);
  });

  it('keeps what changed meanwhile: a reply on another item survives undo and redo', () => {
    const a = item('a', '4');
    const b = item('b', '5');
    const replied = { ...b, replies: [{ author: '起草人', date: '', text: '已改' }] };
    const step = { removed: [{ item: a, index: 0 }] };
    expect(restoreStep([replied], step)).toEqual([a, replied]);
    expect(repeatStep([a, replied], step)).toEqual([replied]);
    // An item already back is not doubled.
    expect(restoreStep([a, replied], step)).toEqual([a, replied]);
  });
});
