// 已忽略 N 处, opened (renderer): what was waved through — the text, the rule, the reason, who and when — each one
// restorable.
import { ignoreEntryOf } from '../../shared/check/engine';
import type { Finding } from '../../shared/check/types';
import type { ReportDocument } from '../../shared/model/schema';
import { F } from './strings';

export interface IgnoredListProps {
  doc: ReportDocument;
  ignored: readonly Finding[];
  ruleTitles: ReadonlyMap<string, string>;
  onSelect(f: Finding): void;
  /** 恢复 (absent where the report is only viewed). */
  onRestore?(f: Finding): void;
  onClose(): void;
}

export function IgnoredList({ doc, ignored, ruleTitles, onSelect, onRestore, onClose }: IgnoredListProps) {
  return (
    <section className="ignored-list" aria-label={F.ignoredTitle}>
      <div className="ignored-head">
        <strong>{F.ignoredTitle}</strong>
        <button type="button" className="small" onClick={onClose}>
          {F.closeList}
        </button>
      </div>
      <ul>
        {ignored.map((f, i) => {
          const entry = ignoreEntryOf(doc, f);
          return (
            <li key={`${f.rule}:${f.path.join('.')}:${f.start}:${i}`} className="ignored-item" data-rule={f.rule}>
              <button type="button" className="finding-main" onClick={() => onSelect(f)} title={f.message}>
                <span className="ignored-text">“{f.text.length > 24 ? f.text.slice(0, 24) + '…' : f.text}”</span>
                <span className="ignored-rule">{ruleTitles.get(f.rule) ?? f.rule}</span>
              </button>
              <dl className="ignored-meta">
                <dt>{F.ignoredReason}</dt>
                <dd className="ignored-reason">{entry?.reason ?? ''}</dd>
                <dt>{F.ignoredBy}</dt>
                <dd className="ignored-by">{entry?.by || F.ignoredNobody}</dd>
                <dt>{F.ignoredWhen}</dt>
                <dd className="ignored-when">{entry ? entry.createdAt.slice(0, 10) : ''}</dd>
              </dl>
              {onRestore && (
                <button type="button" className="small" onClick={() => onRestore(f)}>
                  {F.restore}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
