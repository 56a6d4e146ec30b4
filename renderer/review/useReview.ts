// The review state and its operations on the Slate editor (renderer): the reviewer's items live in the document
// (doc.review, saved in the .fzbg); accepting or rejecting a tracked change edits the body as one undo step, found
// again by its text and neighbourhood since the draft may have changed; the items it takes off the list come back with
// 撤销 (reviewHistory.ts); replies and 标记已处理 change only the items.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Editor, Node, Transforms } from 'slate';
import { HistoryEditor } from 'slate-history';
import type { ReportSlateEditor } from '../editor/withReport';
import { rangeAt } from '../../shared/editor/ops';
import type { ReviewItem } from '../../shared/model/review';
import { locateReviewItem } from '../../shared/model/reviewLocate';
import { paragraph, type ReportDocument } from '../../shared/model/schema';
import { api } from '../api';
import type { FramePatch } from '../files';
import { ReviewMarks } from './reviewMarks';
import { followHistory, recordStep, type ReviewStep } from '../../shared/editor/reviewHistory';
import { R } from './strings';

export interface ReviewOps {
  items: ReviewItem[];
  notice: string | null;
  setNotice(text: string | null): void;
  ignoredAppendix: boolean;
  setIgnoredAppendix(on: boolean): void;
  exportCopy(): Promise<void>;
  importFile(): Promise<void>;
  jump(item: ReviewItem): void;
  decide(item: ReviewItem, decision: 'accept' | 'reject'): void;
  decideAuthor(author: string, decision: 'accept' | 'reject'): void;
  reply(item: ReviewItem, text: string): void;
  markDone(item: ReviewItem): void;
  /** The item jumped to last (painted on top in the text, marked in the list). */
  current: string | null;
  /** The body changed: the painted changes are found again. */
  bodyChanged(): void;
}

export interface ReviewHost {
  editor: ReportSlateEditor;
  getDoc(): ReportDocument;
  /** Changes the frame (the title, the review items) in the session, which owns it. */
  changeFrame(patch: FramePatch): void;
  selectRange(path: number[], start: number, end: number): void;
  /** Re-check after the body changed. */
  changed(): void;
}

const isChange = (i: ReviewItem): boolean => i.kind === 'insert' || i.kind === 'delete';

/** The text of the item's block in the editor now. */
function textAt(editor: Editor, path: number[]): string | null {
  return Node.has(editor, path) ? Node.string(Node.get(editor, path)) : null;
}

/** Applies an accepted change to the editor (or to `title.text`); false when its text is no longer there. */
function applyAccepted(editor: Editor, title: { text: string }, item: ReviewItem): boolean {
  const a = item.anchor!;
  if (a.onTitle) {
    const t = title.text;
    const at = locateReviewItem(t, item);
    if (!at) return false;
    title.text = t.slice(0, at.start) + (item.kind === 'insert' ? item.text : '') + t.slice(at.end);
    return true;
  }
  const text = textAt(editor, a.path);
  if (text === null) return false;
  const at = locateReviewItem(text, item);
  if (!at) return false;
  if (item.wholeParagraph) {
    if (item.kind === 'insert') Transforms.insertNodes(editor, paragraph(item.text), { at: [a.path[0]! + 1] });
    else Transforms.removeNodes(editor, { at: [a.path[0]!] });
    return true;
  }
  const range = rangeAt(editor, a.path, at.start, at.end);
  if (item.kind === 'insert') Transforms.insertText(editor, item.text, { at: range.anchor });
  else Transforms.delete(editor, { at: range });
  return true;
}

export function useReview(host: ReviewHost, review: readonly ReviewItem[] | undefined): ReviewOps {
  // The items are the session's (the frame's `review`): shown from the frame, changed through changeFrame.
  const items = useMemo(() => [...(review ?? [])], [review]);
  const [notice, setNotice] = useState<string | null>(null);
  const [ignoredAppendix, setIgnoredAppendix] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const { editor, getDoc, selectRange, changed, changeFrame } = host;
  const setItems = useCallback((next: ReviewItem[]) => changeFrame({ review: next }), [changeFrame]);
  // 撤销 / 重做 of a decision moves its items back or forward with the text: the latest items and title, read at the time.
  const latest = useRef({ items, getDoc, changeFrame });
  latest.current = { items, getDoc, changeFrame };
  useEffect(
    () =>
      followHistory(editor, () => ({
        items: () => latest.current.items,
        title: () => latest.current.getDoc().meta.title,
        set: (next, title) => {
          latest.current.items = next;
          latest.current.changeFrame(title === undefined ? { review: next } : { review: next, meta: { title } });
        },
      })),
    [editor],
  );

  // The tracked changes and comments painted over the text (reviewMarks.ts).
  const [marks, setMarks] = useState<ReviewMarks | null>(null);
  useEffect(() => {
    const m = new ReviewMarks(editor);
    setMarks(m);
    return () => m.dispose();
  }, [editor]);
  useEffect(() => marks?.set(items, current), [marks, items, current]);
  const bodyChanged = useCallback(() => marks?.schedule(), [marks]);

  const exportCopy = useCallback(async () => {
    try {
      const r = await api.exportReviewCopy({ doc: getDoc(), ignoredAppendix });
      if (r.status === 'exported') setNotice(R.exported(r.fileName));
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  }, [getDoc, ignoredAppendix]);

  const importFile = useCallback(async () => {
    try {
      const r = await api.importReviewFile({ doc: getDoc() });
      if (r.status !== 'imported') return;
      setItems([...(getDoc().review ?? []), ...r.items]);
      setNotice(r.summary);
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  }, [getDoc, setItems]);

  const jump = useCallback(
    (item: ReviewItem) => {
      const a = item.anchor;
      if (!a) return;
      if (a.onTitle) { setCurrent(item.id); setNotice(R.onTitle); return; }
      const text = textAt(editor, a.path);
      const at = text === null ? null : locateReviewItem(text, item);
      if (!at) { setNotice(R.gone); return; }
      setCurrent(item.id);
      selectRange(a.path, at.start, at.end);
    },
    [editor, selectRange],
  );

  /** Decides the given changes as one undo step, which also brings the decided items back to the list. */
  const decideMany = useCallback(
    (list: ReviewItem[], decision: 'accept' | 'reject'): void => {
      const done = new Set<string>();
      let failed = 0;
      const titleBefore = getDoc().meta.title;
      const title = { text: titleBefore };
      const step: ReviewStep = { removed: [] };
      recordStep(
        editor,
        () =>
          HistoryEditor.withNewBatch(editor, () => {
            Editor.withoutNormalizing(editor, () => {
              // From the end of the document backwards, so one change does not move the next one's block.
              const ordered = [...list].sort((x, y) => (y.anchor?.path[0] ?? -1) - (x.anchor?.path[0] ?? -1) || (y.anchor?.start ?? 0) - (x.anchor?.start ?? 0));
              for (const item of ordered) {
                if (decision === 'reject' || !isChange(item) || !item.anchor) { done.add(item.id); continue; }
                if (applyAccepted(editor, title, item)) done.add(item.id);
                else failed++;
              }
            });
          }),
        step,
      );
      items.forEach((item, index) => { if (done.has(item.id)) step.removed.push({ item, index }); });
      const next = items.filter((i) => !done.has(i.id));
      latest.current.items = next;
      if (title.text !== titleBefore) {
        step.title = { before: titleBefore, after: title.text };
        changeFrame({ review: next, meta: { title: title.text } });
      } else setItems(next);
      if (failed > 0) setNotice(R.notApplied(failed));
      changed();
    },
    [changeFrame, changed, editor, getDoc, items, setItems],
  );

  const decide = useCallback((item: ReviewItem, decision: 'accept' | 'reject') => decideMany([item], decision), [decideMany]);
  const decideAuthor = useCallback(
    (author: string, decision: 'accept' | 'reject') => decideMany(items.filter((i) => isChange(i) && i.anchor && i.author === author), decision),
    [decideMany, items],
  );
  const reply = useCallback(
    (item: ReviewItem, text: string) => {
      const d = getDoc();
      const author = (d.meta.signature || d.meta.organ).trim() || R.me;
      setItems(items.map((i) => (i.id === item.id ? { ...i, replies: [...i.replies, { author, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), text }] } : i)));
    },
    [getDoc, items, setItems],
  );
  const markDone = useCallback((item: ReviewItem) => setItems(items.map((i) => (i.id === item.id ? { ...i, done: true } : i))), [items, setItems]);

  return { items, notice, setNotice, ignoredAppendix, setIgnoredAppendix, exportCopy, importFile, jump, decide, decideAuthor, reply, markDone, current, bodyChanged };
}
