// The 审阅 tab of the side panel (renderer): the reviewer's comments and tracked changes by part, each with author,
// date and text; click jumps to it; 接受/拒绝 a change (or all of one reviewer), reply to a comment, 标记已处理.
import { memo, useState } from 'react';
import { REVIEW_KIND_LABELS, type ReviewItem } from '../../shared/model/review';
import type { Block } from '../../shared/model/schema';
import type { ReviewOps } from './useReview';
import { R } from './strings';

const shortDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso);
  return m ? `${m[1]}-${m[2]}-${m[3]}${m[4] ? ` ${m[4]}:${m[5]}` : ''}` : '';
};

/** The part an item is in: the level-1 heading above its block. */
function partOf(item: ReviewItem, body: readonly Block[]): string {
  const a = item.anchor;
  if (!a) return R.unplaced;
  if (a.onTitle) return R.title;
  for (let i = Math.min(a.path[0]!, body.length - 1); i >= 0; i--) {
    const b = body[i]!;
    if (b.type === 'heading' && b.level === 1) return b.children.map((l) => l.text).join('');
  }
  return R.preamble;
}

function ItemCard({ item, ops }: { item: ReviewItem; ops: ReviewOps }) {
  const [replying, setReplying] = useState(false);
  const [draft, setDraft] = useState('');
  const change = item.kind === 'insert' || item.kind === 'delete';
  return (
    <li className={`review-item review-${item.kind}${item.anchor ? '' : ' review-unplaced'}${ops.current === item.id ? ' review-current' : ''}`} data-review-id={item.id}>
      <button type="button" className="review-jump" onClick={() => ops.jump(item)} disabled={!item.anchor}>
        <span className="review-kind">{REVIEW_KIND_LABELS[item.kind]}{item.move ? R.moved : ''}</span>
        <span className="review-author">{item.author || R.anonymous}</span>
        <span className="review-date">{shortDate(item.date)}</span>
        {item.kind === 'comment' || item.kind === 'format' ? (
          <span className="review-text">{item.text}</span>
        ) : (
          <span className="review-text">{item.kind === 'insert' ? `${R.inserted}“${item.text}”` : `${R.deleted}“${item.text}”`}</span>
        )}
        {item.kind === 'comment' && item.quote && <span className="review-quote">“{item.quote}”</span>}
      </button>
      {!item.anchor && item.unplacedReason && <p className="review-reason">{item.unplacedReason}</p>}
      {item.replies.length > 0 && (
        <ul className="review-replies">
          {item.replies.map((r, k) => (
            <li key={k}><span className="review-author">{r.author || R.anonymous}</span> <span className="review-date">{shortDate(r.date)}</span> {r.text}</li>
          ))}
        </ul>
      )}
      <div className="review-actions">
        {change && item.anchor && (
          <>
            <button type="button" onClick={() => ops.decide(item, 'accept')}>{R.accept}</button>
            <button type="button" onClick={() => ops.decide(item, 'reject')}>{R.reject}</button>
          </>
        )}
        {item.kind === 'comment' && !item.done && <button type="button" onClick={() => setReplying(true)}>{R.reply}</button>}
        {(!change || !item.anchor) && !item.done && <button type="button" onClick={() => ops.markDone(item)}>{R.markDone}</button>}
        {item.done && <span className="muted">{R.done}</span>}
      </div>
      {replying && (
        <form
          className="review-reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.trim()) ops.reply(item, draft.trim());
            setDraft('');
            setReplying(false);
          }}
        >
          <textarea aria-label={R.replyPlaceholder} placeholder={R.replyPlaceholder} value={draft} onChange={(e) => setDraft(e.target.value)} rows={2} autoFocus />
          <button type="submit">{R.send}</button>
          <button type="button" onClick={() => setReplying(false)}>{R.cancel}</button>
        </form>
      )}
    </li>
  );
}

export const ReviewPanel = memo(function ReviewPanel({ ops, body }: { ops: ReviewOps; body: readonly Block[] }) {
  const open = ops.items.filter((i) => !i.done);
  const done = ops.items.filter((i) => i.done);
  const groups = new Map<string, ReviewItem[]>();
  for (const item of open) {
    const part = partOf(item, body);
    groups.set(part, [...(groups.get(part) ?? []), item]);
  }
  const unplaced = groups.get(R.unplaced);
  groups.delete(R.unplaced);
  if (unplaced) groups.set(R.unplaced, unplaced);
  const authors = [...new Set(open.filter((i) => (i.kind === 'insert' || i.kind === 'delete') && i.anchor).map((i) => i.author))];
  return (
    <section className="review-panel" aria-label={R.tab}>
      <div className="review-toolbar">
        <button type="button" onClick={() => void ops.exportCopy()}>{R.exportCopy}</button>
        <button type="button" onClick={() => void ops.importFile()}>{R.importFile}</button>
        <label><input type="checkbox" checked={ops.ignoredAppendix} onChange={(e) => ops.setIgnoredAppendix(e.target.checked)} />{R.ignoredAppendix}</label>
      </div>
      {ops.notice && (
        <p className="review-notice" role="status">
          {ops.notice} <button type="button" className="link" onClick={() => ops.setNotice(null)}>关闭</button>
        </p>
      )}
      {authors.length > 0 && (
        <div className="review-authors">
          {authors.map((a) => (
            <span key={a}>
              <button type="button" onClick={() => ops.decideAuthor(a, 'accept')}>{R.acceptAll(a || R.anonymous)}</button>
              <button type="button" onClick={() => ops.decideAuthor(a, 'reject')}>{R.rejectAll(a || R.anonymous)}</button>
            </span>
          ))}
        </div>
      )}
      {ops.items.length === 0 && <p className="muted empty-note">{R.empty}</p>}
      {[...groups].map(([part, list]) => (
        <div key={part} className="review-group">
          <h3>{part}</h3>
          <ul>{list.map((item) => <ItemCard key={item.id} item={item} ops={ops} />)}</ul>
        </div>
      ))}
      {done.length > 0 && (
        <details className="review-group">
          <summary>{R.doneSection}（{done.length}）</summary>
          <ul>{done.map((item) => <ItemCard key={item.id} item={item} ops={ops} />)}</ul>
        </details>
      )}
    </section>
  );
});
