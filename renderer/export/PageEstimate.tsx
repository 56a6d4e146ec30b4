// 约 N 页 in the status line under the page (renderer): the pages of the exported Word file, counted by the same
// rules the print view and the export use (shared/docx/pages.ts).
import { useMemo } from 'react';
import { estimatePages } from '../../shared/docx/pages';
import type { ReportDocument } from '../../shared/model/schema';
import { T } from './text';

export function PageEstimate({ doc }: { doc: ReportDocument }) {
  const pages = useMemo(() => estimatePages(doc), [doc]);
  return (
    <div className="page-estimate" role="status" title={T.pageEstimateTitle} data-pages={pages}>
      {T.pageEstimate(pages)}
    </div>
  );
}
