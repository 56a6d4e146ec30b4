// The side panel (renderer): the findings (with the 边写边查 switch) and the writing guidance of the report's template,
// the caret's part first.
import { memo, useCallback, useEffect, useState } from 'react';
import type { Finding } from '../../shared/check/types';
import { missingPartOf } from '../../shared/editor/sectionOps';
import type { MandatedPartId } from '../../shared/model/schema';
import type { Template } from '../../shared/model/template';
import { NEXT_YEAR_TOKEN, YEAR_TOKEN } from '../../shared/model/templateOps';
import { api } from '../api';
import type { Analysis } from './analysis';
import { FindingsPanel, type ListedFinding } from './FindingsPanel';
import { ReviewPanel } from '../review/ReviewPanel';
import { R } from '../review/strings';
import type { ReviewOps } from '../review/useReview';
import { PART_LABELS, T } from './strings';

const fillYears = (t: string, year: number) => t.replaceAll(YEAR_TOKEN, String(year)).replaceAll(NEXT_YEAR_TOKEN, String(year + 1));

/** The report's template (for its guidance), read over IPC; null while loading or when there is none. */
function useTemplate(templateId: string | undefined): Template | null {
  const [template, setTemplate] = useState<Template | null>(null);
  useEffect(() => {
    let live = true;
    setTemplate(null);
    if (templateId) {
      api.readTemplate(templateId).then(
        (t) => live && setTemplate(t),
        () => undefined, // A report whose template is gone simply has no guidance.
      );
    }
    return () => {
      live = false;
    };
  }, [templateId]);
  return template;
}

export type SideTab = 'findings' | 'guidance' | 'review';

export interface SidePanelProps {
  analysis: Analysis;
  templateId: string | undefined;
  currentIndex: number;
  liveCheckOn: boolean;
  onToggleLiveCheck(): void;
  findingActions: {
    ruleTitles: ReadonlyMap<string, string>;
    onSelect(f: Finding): void;
    onFix(findings: readonly Finding[]): void;
    onFixRule(rule: string): void;
    onIgnore(findings: readonly Finding[], reason: string): void;
    onUnignore(f: Finding): void;
    status: string | null;
    onInsertPart(part: MandatedPartId, guidance: string | undefined): void;
  };
  /** The finding 在列表中查看 asked for (FindingsPanel's `listed`). */
  listed: ListedFinding | null;
  tab: SideTab;
  onTab(tab: SideTab): void;
  /** The reviewer's comments and tracked changes (审阅). */
  review: ReviewOps;
}

export function SidePanel({ analysis, templateId, currentIndex, liveCheckOn, onToggleLiveCheck, findingActions: a, listed, tab, onTab: setTab, review }: SidePanelProps) {
  const template = useTemplate(templateId);
  const year = analysis.doc.meta.year;
  const { onInsertPart } = a;
  // A missing part goes in with the template's guidance for it, when the report's template has one.
  const insertMissingPart = useCallback(
    (f: Finding) => {
      const part = missingPartOf(f);
      const guidance = template?.guidance.find((g) => g.part === part);
      if (part) onInsertPart(part, guidance && fillYears(guidance.text, year));
    },
    [onInsertPart, template, year],
  );
  return (
    <aside className="side-panel">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={tab === 'findings'} className={tab === 'findings' ? 'tab active' : 'tab'} onClick={() => setTab('findings')}>
          {T.findings}
          <span className="tab-count">{analysis.result.findings.length}</span>
        </button>
        <button type="button" role="tab" aria-selected={tab === 'guidance'} className={tab === 'guidance' ? 'tab active' : 'tab'} onClick={() => setTab('guidance')}>
          {T.guidance}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'review'} className={tab === 'review' ? 'tab active' : 'tab'} onClick={() => setTab('review')}>
          {R.tab}
          {review.items.some((i) => !i.done) && <span className="tab-count">{review.items.filter((i) => !i.done).length}</span>}
        </button>
      </div>
      {tab === 'findings' ? (
        <>
          <label className="live-check-toggle">
            <input type="checkbox" checked={liveCheckOn} onChange={onToggleLiveCheck} />
            {T.liveCheck}
          </label>
          {liveCheckOn ? (
            <FindingsPanel analysis={analysis} ruleTitles={a.ruleTitles} onSelect={a.onSelect} onFix={a.onFix} onFixRule={a.onFixRule} onIgnore={a.onIgnore} onUnignore={a.onUnignore} status={a.status} onInsertPart={insertMissingPart} listed={listed} />
          ) : (
            <p className="muted empty-note">{T.liveCheckOff}</p>
          )}
        </>
      ) : tab === 'review' ? (
        <ReviewPanel ops={review} body={analysis.doc.body} />
      ) : (
        <GuidancePanel template={template} analysis={analysis} currentIndex={currentIndex} />
      )}
    </aside>
  );
}

const GuidancePanel = memo(function GuidancePanel({ template, analysis, currentIndex }: { template: Template | null; analysis: Analysis; currentIndex: number }) {
  if (!template || template.guidance.length === 0) return <p className="muted empty-note">本报告没有关联模板的写作提示。</p>;
  const year = analysis.doc.meta.year;
  const fill = (t: string) => fillYears(t, year);
  const here = analysis.parts.locations.find((l) => currentIndex >= l.extent.start && currentIndex < l.extent.end)?.id;
  const ordered = here ? [...template.guidance].sort((a, b) => (a.part === here ? -1 : b.part === here ? 1 : 0)) : template.guidance;
  return (
    <section className="guidance-panel" aria-label={T.guidance}>
      {ordered.map((g) => (
        <div key={g.part} className={`guidance${g.part === here ? ' current' : ''}`}>
          <h3>{PART_LABELS[g.part]}</h3>
          <p>{fill(g.text)}</p>
          {g.indicators.length > 0 && (
            <ul className="indicators">
              {g.indicators.map((i) => (
                <li key={i}>{fill(i)}</li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  );
});