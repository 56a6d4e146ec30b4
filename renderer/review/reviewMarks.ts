// The reviewer's tracked changes and comments painted over the draft's text (renderer): CSS Custom Highlights of
// their own (::highlight(fzbg-review-…) in styles.css), next to the checker's marks (editor/markLayer.ts) and as
// light: nothing is added to the DOM. A deletion paints the text it would remove, an insertion the character at its
// insertion point, a comment the text it is on; the item jumped to last is painted on top.
import { Node } from 'slate';
import { ReactEditor } from 'slate-react';
import type { ReportSlateEditor } from '../editor/withReport';
import type { ReviewItem } from '../../shared/model/review';
import { locateReviewItem } from '../../shared/model/reviewLocate';

type ReviewMarkKind = 'insert' | 'delete' | 'comment' | 'current';

/** The highlight names (the ::highlight() selectors in styles.css). */
const REVIEW_HIGHLIGHTS: Record<ReviewMarkKind, string> = {
  insert: 'fzbg-review-insert',
  delete: 'fzbg-review-delete',
  comment: 'fzbg-review-comment',
  current: 'fzbg-review-current',
};
/** Above the checker's marks (0–5 in markLayer.ts), the current item above the rest. */
const PRIORITY: Record<ReviewMarkKind, number> = { comment: 6, insert: 7, delete: 8, current: 9 };

/** Where `item` is painted in `text`: its range, or for an insertion the character at its insertion point. */
export function paintedRange(text: string, item: ReviewItem): { start: number; end: number } | null {
  const at = locateReviewItem(text, item);
  if (!at || text.length === 0) return null;
  if (at.end > at.start) return at;
  return at.start > 0 ? { start: at.start - 1, end: at.start } : { start: 0, end: 1 };
}

const markOf = (item: ReviewItem): ReviewMarkKind | null =>
  item.kind === 'insert' ? 'insert' : item.kind === 'delete' ? 'delete' : item.kind === 'comment' ? 'comment' : null;

export class ReviewMarks {
  private readonly highlights: Map<ReviewMarkKind, Highlight> | null = null;
  private items: readonly ReviewItem[] = [];
  private current: string | null = null;
  private timer = 0;

  constructor(private readonly editor: ReportSlateEditor) {
    if (typeof CSS === 'undefined' || !('highlights' in CSS) || typeof Highlight === 'undefined') return;
    this.highlights = new Map();
    for (const kind of Object.keys(REVIEW_HIGHLIGHTS) as ReviewMarkKind[]) {
      const h = new Highlight();
      h.priority = PRIORITY[kind];
      this.highlights.set(kind, h);
      CSS.highlights.set(REVIEW_HIGHLIGHTS[kind], h);
    }
  }

  /** The open items and the one jumped to; painted at the next frame. */
  set(items: readonly ReviewItem[], current: string | null): void {
    this.items = items;
    this.current = current;
    this.schedule(0);
  }

  /** The body changed: the ranges are found again a moment after typing pauses. */
  schedule(delay = 150): void {
    if (!this.highlights) return;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => requestAnimationFrame(() => this.paint()), delay);
  }

  private paint(): void {
    if (!this.highlights) return;
    for (const h of this.highlights.values()) h.clear();
    for (const item of this.items) {
      const kind = markOf(item);
      const a = item.anchor;
      if (!kind || !a || a.onTitle || item.done || !Node.has(this.editor, a.path)) continue;
      const node = Node.get(this.editor, a.path);
      const at = paintedRange(Node.string(node), item);
      const range = at && this.domRange(node, at.start, at.end);
      if (!range) continue;
      this.highlights.get(kind)!.add(range);
      if (item.id === this.current) this.highlights.get('current')!.add(range);
    }
  }

  /** The DOM range of [start, end) of a rendered block's text, or null when it is not rendered. */
  private domRange(node: Node, start: number, end: number): StaticRange | null {
    let element: HTMLElement;
    try {
      element = ReactEditor.toDOMNode(this.editor, node);
    } catch {
      return null;
    }
    const texts: Text[] = [];
    for (const s of element.querySelectorAll('[data-slate-string]')) if (s.firstChild instanceof Text) texts.push(s.firstChild);
    const point = (offset: number, isEnd: boolean): [Text, number] | null => {
      let at = 0;
      for (let i = 0; i < texts.length; i++) {
        const t = texts[i]!;
        const next = at + t.data.length;
        if (offset < next || (offset === next && (isEnd || i === texts.length - 1))) return [t, offset - at];
        at = next;
      }
      return null;
    };
    const s = point(start, false);
    const e = point(end, true);
    return s && e ? new StaticRange({ startContainer: s[0], startOffset: s[1], endContainer: e[0], endOffset: e[1] }) : null;
  }

  dispose(): void {
    window.clearTimeout(this.timer);
    if (this.highlights) for (const name of Object.values(REVIEW_HIGHLIGHTS)) CSS.highlights.delete(name);
  }
}
