// The outline beside the page (renderer): the mandated parts and their state (✓, ⚠ n, ✗), the headings with their
// generated numbers and character counts; a section moves up or down with its buttons or by dragging.
import { memo, useState } from 'react';
import { MANDATED_PART_IDS } from '../../shared/model/schema';
import type { MandatedPartId, RuleSettings } from '../../shared/model/schema';
import { lengthState } from '../../shared/editor/counts';
import type { Analysis } from './analysis';
import { PART_LABELS, T } from './strings';

export interface OutlinePanelProps {
  analysis: Analysis;
  lengthTarget: RuleSettings['lengthTarget'];
  currentIndex: number;
  onGoTo(index: number): void;
  onGoToPart(part: MandatedPartId): void;
  onMove(index: number, direction: 'up' | 'down'): void;
  onDrop(from: number, before: number): void;
}

export const OutlinePanel = memo(function OutlinePanel({ analysis, lengthTarget, currentIndex, onGoTo, onGoToPart, onMove, onDrop }: OutlinePanelProps) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const items = analysis.outline.filter((o) => o.level <= 3);
  const total = analysis.counts.total;
  const state = lengthState(total, lengthTarget);
  // The heading whose section holds the caret.
  let active = -1;
  for (const o of analysis.outline) if (o.index <= currentIndex) active = o.index;

  return (
    <nav className="outline-panel" aria-label={T.outline}>
      <h2 className="panel-title">{T.partsState}</h2>
      <ul className="parts-state">
        {MANDATED_PART_IDS.map((id) => {
          const s = analysis.partStates[id];
          const mark = s.kind === 'ok' ? '✓' : s.kind === 'warn' ? `⚠ ${s.count}` : s.kind === 'unfilled' ? '○' : s.required ? '✗' : '—';
          const cls = s.kind === 'ok' ? 'ok' : s.kind === 'warn' ? 'warn' : s.kind === 'unfilled' ? 'unfilled' : s.required ? 'missing' : 'absent';
          const title = s.kind === 'missing' ? (s.required ? `${T.missing}：${PART_LABELS[id]}` : `${PART_LABELS[id]}（${T.optional}）`) : PART_LABELS[id];
          return (
            <li key={id} className={`part-state ${cls}`} data-part={id} data-state={cls}>
              <button type="button" className="part-link" disabled={s.kind === 'missing'} onClick={() => onGoToPart(id)} title={title}>
                <span className="part-mark">{mark}</span>
                <span className="part-name">{PART_LABELS[id]}</span>
                {s.kind === 'missing' && <span className="part-note">{s.required ? T.missing : T.optional}</span>}
                {s.kind === 'unfilled' && <span className="part-note">{T.unfilled}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <h2 className="panel-title">{T.outline}</h2>
      <ol className="outline-list">
        {items.map((o) => (
          <li
            key={o.index}
            className={`outline-item lvl${o.level}${o.index === active ? ' active' : ''}${dropTarget === o.index ? ' drop-before' : ''}${dragging === o.index ? ' dragging' : ''}`}
            data-index={o.index}
            draggable
            onDragStart={(e) => {
              setDragging(o.index);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('application/x-fzbg-section', String(o.index));
            }}
            onDragEnd={() => {
              setDragging(null);
              setDropTarget(null);
            }}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dropTarget !== o.index) setDropTarget(o.index);
            }}
            onDrop={(e) => {
              e.preventDefault();
              const from = Number(e.dataTransfer.getData('application/x-fzbg-section'));
              setDragging(null);
              setDropTarget(null);
              if (Number.isInteger(from) && from !== o.index) onDrop(from, o.index);
            }}
          >
            <button type="button" className="outline-link" onClick={() => onGoTo(o.index)} title={o.marker + o.text}>
              <span className="outline-marker">{o.marker}</span>
              <span className="outline-text">{o.text || '（空标题）'}</span>
            </button>
            <span className="outline-chars">{o.chars}</span>
            <span className="outline-moves">
              <button type="button" className="icon" aria-label={`${T.moveUp}：${o.marker}${o.text}`} title={T.moveUp} onClick={() => onMove(o.index, 'up')}>
                ↑
              </button>
              <button type="button" className="icon" aria-label={`${T.moveDown}：${o.marker}${o.text}`} title={T.moveDown} onClick={() => onMove(o.index, 'down')}>
                ↓
              </button>
            </span>
          </li>
        ))}
        <li
          className={`outline-end${dropTarget === -2 ? ' drop-before' : ''}`}
          onDragOver={(e) => {
            if (dragging === null) return;
            e.preventDefault();
            setDropTarget(-2);
          }}
          onDrop={(e) => {
            e.preventDefault();
            const from = Number(e.dataTransfer.getData('application/x-fzbg-section'));
            setDragging(null);
            setDropTarget(null);
            if (Number.isInteger(from)) onDrop(from, analysis.doc.body.length);
          }}
        />
      </ol>
      <div className={`count-total len-${state}`} data-total={total}>
        <span>
          {T.total} {T.chars(total)}
        </span>
        {lengthTarget && (lengthTarget.min !== undefined || lengthTarget.max !== undefined) && (
          <span className="count-target">
            {T.target(lengthTarget.min, lengthTarget.max)}
            {state === 'short' ? `，${T.lengthShort}` : state === 'long' ? `，${T.lengthLong}` : ''}
          </span>
        )}
      </div>
    </nav>
  );
});
