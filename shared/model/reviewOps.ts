// Accepting and rejecting a reviewer's tracked changes on the report model (shared, pure): each returns a new document
// with the item resolved (removed) and the other items' anchors moved with the text. The editor does the same edits
// through Slate (one undo step each); these serve the CLI, the batch desk and the tests.
import type { ReviewAnchor, ReviewItem } from './review';
import { paragraph as paragraphBlock, type Block, type ReportDocument, type TextLeaf } from './schema';

export type ReviewDecision = 'accept' | 'reject';

/** The text edit accepting or rejecting `item` makes, or null (a comment, a format change, a rejected change). */
function reviewEdit(item: ReviewItem, decision: ReviewDecision): { anchor: ReviewAnchor; text: string; newParagraph?: boolean; removeBlock?: boolean } | null {
  if (!item.anchor || decision === 'reject' || (item.kind !== 'insert' && item.kind !== 'delete')) return null;
  if (item.kind === 'insert') return { anchor: { ...item.anchor, end: item.anchor.start }, text: item.text, ...(item.wholeParagraph ? { newParagraph: true } : {}) };
  return { anchor: item.anchor, text: '', ...(item.wholeParagraph ? { removeBlock: true } : {}) };
}

/** Leaves with [start, end) replaced by `text` (which takes the marks of the leaf it lands in). */
function replaceInLeaves(leaves: readonly TextLeaf[], start: number, end: number, text: string): TextLeaf[] {
  const out: TextLeaf[] = [];
  let pos = 0;
  let inserted = false;
  for (const leaf of leaves) {
    const from = pos;
    const to = pos + leaf.text.length;
    pos = to;
    const keepHead = leaf.text.slice(0, Math.max(0, Math.min(leaf.text.length, start - from)));
    const keepTail = leaf.text.slice(Math.max(0, Math.min(leaf.text.length, end - from)));
    const here = !inserted && start >= from && start <= to;
    const middle = here ? text : '';
    if (here) inserted = true;
    if (to <= start || from >= end) {
      if (here && to === start) out.push({ ...leaf, text: leaf.text + middle });
      else out.push(leaf);
      continue;
    }
    out.push({ ...leaf, text: keepHead + middle + keepTail });
  }
  if (!inserted) out.push({ text });
  const nonEmpty = out.filter((l) => l.text.length > 0);
  return nonEmpty.length > 0 ? nonEmpty : [{ ...(leaves[0] ?? { text: '' }), text: '' }];
}

const samePlace = (a: ReviewAnchor, b: ReviewAnchor): boolean => Boolean(a.onTitle) === Boolean(b.onTitle) && a.path.join() === b.path.join();

/** An anchor after the text at `at` had [start, end) replaced by `length` characters. */
function shiftAnchor(anchor: ReviewAnchor, at: ReviewAnchor, length: number): ReviewAnchor {
  if (!samePlace(anchor, at)) return anchor;
  const delta = length - (at.end - at.start);
  // A position at an insertion point moves after the inserted text; one inside a replaced range goes to its start.
  const move = (p: number): number => (p >= at.end ? p + delta : p <= at.start ? p : at.start);
  return { ...anchor, start: move(anchor.start), end: Math.max(move(anchor.start), move(anchor.end)) };
}

function editBody(doc: ReportDocument, anchor: ReviewAnchor, text: string): ReportDocument {
  if (anchor.onTitle) {
    const t = doc.meta.title;
    return { ...doc, meta: { ...doc.meta, title: t.slice(0, anchor.start) + text + t.slice(anchor.end) } };
  }
  const [i, r, c] = anchor.path;
  const body = doc.body.slice();
  const block = body[i!];
  if (!block) return doc;
  if (block.type === 'table') {
    if (r === undefined || c === undefined) return doc;
    body[i!] = {
      ...block,
      children: block.children.map((row, ri) => ri !== r ? row : {
        ...row,
        children: row.children.map((cell, ci) => ci !== c ? cell : { ...cell, children: replaceInLeaves(cell.children, anchor.start, anchor.end, text) }),
      }),
    };
  } else {
    body[i!] = { ...block, children: replaceInLeaves(block.children, anchor.start, anchor.end, text) } as Block;
  }
  return { ...doc, body };
}

/** Items after block `index` was inserted (+1) or removed (−1): anchors below move; anchors on a removed block go. */
function shiftBlocks(items: ReviewItem[], index: number, delta: 1 | -1): ReviewItem[] {
  return items.map((it) => {
    const a = it.anchor;
    if (!a || a.onTitle || a.path.length === 0) return it;
    const b = a.path[0]!;
    if (delta === -1 && b === index) return { ...it, anchor: null, unplacedReason: '所在段落已删除' };
    if (b >= index + (delta === 1 ? 0 : 1)) return { ...it, anchor: { ...a, path: [b + delta, ...a.path.slice(1)] } };
    return it;
  });
}

/** Accepts or rejects one tracked change (or resolves a comment / format change): the item leaves the list. */
export function decideReviewItem(doc: ReportDocument, id: string, decision: ReviewDecision): ReportDocument {
  const items = doc.review ?? [];
  const item = items.find((i) => i.id === id);
  if (!item) return doc;
  let rest = items.filter((i) => i.id !== id);
  const edit = reviewEdit(item, decision);
  let next = doc;
  if (edit?.newParagraph) {
    const at = edit.anchor.path[0]! + 1;
    rest = shiftBlocks(rest, at, 1);
    next = { ...doc, body: [...doc.body.slice(0, at), paragraphBlock(edit.text), ...doc.body.slice(at)] };
  } else if (edit?.removeBlock) {
    const at = edit.anchor.path[0]!;
    rest = shiftBlocks(rest, at, -1);
    next = { ...doc, body: doc.body.filter((_, k) => k !== at) };
  } else if (edit) {
    next = editBody(doc, edit.anchor, edit.text);
    rest = rest.map((it) => (it.anchor ? { ...it, anchor: shiftAnchor(it.anchor, edit.anchor, edit.text.length) } : it));
  }
  return { ...next, review: rest };
}

/** Decides every placed tracked change (of one author, when given), in document order. */
export function decideAll(doc: ReportDocument, decision: ReviewDecision, author?: string): ReportDocument {
  let next = doc;
  const ids = (doc.review ?? []).filter((i) => (i.kind === 'insert' || i.kind === 'delete') && i.anchor && (author === undefined || i.author === author)).map((i) => i.id);
  for (const id of ids) next = decideReviewItem(next, id, decision);
  return next;
}
