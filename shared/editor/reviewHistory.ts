// Keeps the review items in step with the editor's undo history (shared, pure Slate): deciding a tracked change is
// one history batch (an empty one when the body does not change, as for 拒绝), and the items it took off the list (and a
// title it changed) are tied to that batch, so 撤销 puts them back and 重做 takes them off again with the text.
import { Editor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReviewItem } from '../model/review';

type Batch = HistoryEditor['history']['undos'][number];

/** What one decision did outside the body: the items it removed (with their places in the list) and the title. */
export interface ReviewStep {
  removed: { item: ReviewItem; index: number }[];
  title?: { before: string; after: string };
}

/** How the history applies a step back or again to the session's frame. */
export interface ReviewStepTarget {
  items(): readonly ReviewItem[];
  title(): string;
  set(items: ReviewItem[], title?: string): void;
}

/** The items with the step's removed ones back in their places (undo). */
export function restoreStep(items: readonly ReviewItem[], step: ReviewStep): ReviewItem[] {
  const present = new Set(items.map((i) => i.id));
  const out = [...items];
  for (const { item, index } of [...step.removed].sort((a, b) => a.index - b.index)) {
    if (!present.has(item.id)) out.splice(Math.min(index, out.length), 0, item);
  }
  return out;
}

/** The items without the step's removed ones (redo). */
export function repeatStep(items: readonly ReviewItem[], step: ReviewStep): ReviewItem[] {
  const gone = new Set(step.removed.map((r) => r.item.id));
  return items.filter((i) => !gone.has(i.id));
}

const STEPS = new WeakMap<Batch, ReviewStep>();

/**
 * Runs `decide` (the body edits of a decision) as one new history batch and ties `step` to it. When the body did not
 * change, an empty batch is written so that the decision is still one 撤销 away.
 */
export function recordStep(editor: HistoryEditor, decide: () => void, step: ReviewStep): void {
  const undos = editor.history.undos;
  const last = undos[undos.length - 1];
  decide();
  let batch = undos[undos.length - 1];
  if (!batch || batch === last) {
    batch = { operations: [], selectionBefore: editor.selection };
    editor.writeHistory('undos', batch);
    editor.history.redos = [];
  }
  STEPS.set(batch, step);
}

/**
 * Wraps the editor's undo and redo so that a batch with a review step also moves the items (and title) back or
 * forward. Returns the function that unwraps them.
 */
export function followHistory(editor: HistoryEditor & Editor, target: () => ReviewStepTarget): () => void {
  const { undo, redo } = editor;
  editor.undo = () => {
    const batch = editor.history.undos[editor.history.undos.length - 1];
    undo();
    const step = batch && STEPS.get(batch);
    if (!step) return;
    const t = target();
    t.set(restoreStep(t.items(), step), step.title && t.title() === step.title.after ? step.title.before : undefined);
  };
  editor.redo = () => {
    const batch = editor.history.redos[editor.history.redos.length - 1];
    redo();
    const step = batch && STEPS.get(batch);
    if (!step) return;
    const t = target();
    t.set(repeatStep(t.items(), step), step.title && t.title() === step.title.before ? step.title.after : undefined);
  };
  return () => {
    editor.undo = undo;
    editor.redo = redo;
  };
}
