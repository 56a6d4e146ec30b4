// Test helpers for the checker: documents built from blocks, and findings reduced to what the tests compare.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChecker } from '../../../shared/check/engine';
import type { Finding } from '../../../shared/check/types';
import { importText } from '../../../shared/import/text';
import { emptyRuleSettings, heading, paragraph, type Block, type ReportDocument, type ReportMeta } from '../../../shared/model/schema';

export { heading, paragraph };

export const FIXTURES_DIR = join(__dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'reports');

export function fixtureText(name: 'jianghai-2025-webpage.txt' | 'yangjiang-2024-webpage.txt'): string {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

export function importFixture(name: 'jianghai-2025-webpage.txt' | 'yangjiang-2024-webpage.txt') {
  return importText(fixtureText(name), { id: 'fixture' });
}

export function makeDoc(body: Block[], meta: Partial<ReportMeta> = {}, extra: Partial<ReportDocument> = {}): ReportDocument {
  return {
    id: 'test',
    meta: { organ: 'X市司法局', year: 2024, title: 'X市司法局关于2024年度法治政府建设情况的报告', addressee: 'X市人民政府', date: '2025-02-20', signature: 'X市司法局', ...meta },
    body,
    ignores: [],
    rules: emptyRuleSettings(),
    ...extra,
  };
}

/** A document of one paragraph. */
export function para(text: string, meta: Partial<ReportMeta> = {}): ReportDocument {
  return makeDoc([paragraph(text)], meta);
}

/** Findings of the rules whose id starts with `prefix` (the structural ones about a one-paragraph test document are noise). */
export function findings(doc: ReportDocument, prefix: string): Finding[] {
  return createChecker().check(doc).findings.filter((f) => f.rule.startsWith(prefix));
}

/** `rule: text` of each finding of a family in one paragraph. */
export function hits(text: string, prefix: string, meta: Partial<ReportMeta> = {}): string[] {
  return findings(para(text, meta), prefix).map((f) => `${f.rule}: ${f.text}`);
}
