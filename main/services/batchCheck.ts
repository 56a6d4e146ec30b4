// Checks one report of the batch (Node, in the batch's Word-import child or, for .txt/.fzbg, in the caller): the
// checker's result with the source's written heading markers, the mandated parts found once, and the row's summary.
import type { Checker } from '../../shared/check/engine';
import type { CheckResult, WrittenMarkerInfo } from '../../shared/check/types';
import { summarizeReport, type ReportSummary } from '../../shared/desk/summary';
import type { ReportDocument, RuleSettings } from '../../shared/model/schema';
import { recognizeMandatedParts, type MandatedParts } from '../../shared/outline/parts';

export interface ReportCheck {
  /** The document as checked (with the batch's rule settings when given). */
  doc: ReportDocument;
  result: CheckResult;
  parts: MandatedParts;
  summary: ReportSummary;
}

export function checkReport(loaded: ReportDocument, markers: readonly WrittenMarkerInfo[] | undefined, checker: Checker, rules?: RuleSettings): ReportCheck {
  const doc: ReportDocument = rules ? { ...loaded, rules } : loaded;
  const result = checker.check(doc, markers ? { writtenMarkers: markers } : {});
  const parts = recognizeMandatedParts(doc);
  return { doc, result, parts, summary: summarizeReport(doc, result, parts) };
}
