// What the e2e specs share about the report on the page: the small report several specs open, writing a report as a
// .fzbg for the 打开 dialog, and the body's blocks and their text as the page shows them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importText } from '../../shared/import/text';
import { serializeDocument } from '../../shared/model/format';
import type { AppHarness } from './harness';

/** A short county bureau's report. Body: 0 一、举措 1 （一）依法行政 2 paragraph 3 （二）执法监督 4 paragraph 5 二、不足 6 paragraph. */
export const SMALL_REPORT = `某某县司法局关于2025年度法治政府建设情况的报告
一、2025年推进法治政府建设的主要举措和成效
（一）推进依法行政
全年审核规范性文件12件。
（二）加强执法监督
开展执法检查3次。
二、2025年推进法治政府建设存在的不足和原因
执法监督仍有薄弱环节。
`;

/** Imports `text` as the text importer does and writes it to the work folder as `name`.fzbg; returns its path. */
export function writeReport(app: AppHarness, text: string, name: string, templateId?: string): string {
  const doc = importText(text, { id: name }).doc;
  if (templateId) doc.meta.templateId = templateId;
  const path = join(app.workDir, `${name}.fzbg`);
  writeFileSync(path, serializeDocument(doc));
  return path;
}

/** The body's top-level blocks (headings, paragraphs, tables). */
export const bodyBlocks = (page: Page) => page.locator('.doc-body > [data-slate-node="element"]');

/** The text of body block `index` as the page shows it (Slate's zero-width placeholders left out). */
export const blockText = (page: Page, index: number) => bodyBlocks(page).nth(index).evaluate((e) => (e.textContent ?? '').replace(/\uFEFF/g, ''));

/** The text of every body block. */
export const blockTexts = (page: Page) => bodyBlocks(page).evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\uFEFF/g, '')));
