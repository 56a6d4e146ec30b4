// Format version 4: meta.dateSource says where an imported 成文日期 came from. Version-1 files open unchanged.
import { describe, expect, it } from 'vitest';
import { FZBG_VERSION, migrateDateSource, parseDocument, serializeDocument } from '../../shared/model/format';
import { importText } from '../../shared/import/text';

const v1 = JSON.stringify({
  format: 'fzbg', version: 1, id: 'old',
  meta: { organ: '松川县司法局', year: 2024, title: '松川县司法局关于2024年度法治政府建设情况的报告', addressee: '县人民政府', date: '2025-02-26', signature: '松川县司法局' },
  body: [{ type: 'paragraph', children: [{ text: '全年办理行政复议案件23件。' }] }],
  ignores: [], rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [] },
});

describe('meta.dateSource (format version 4)', () => {
  it('a version-1 file opens, its date the document’s own', () => {
    expect(FZBG_VERSION).toBeGreaterThan(1);
    const doc = parseDocument(v1);
    expect(doc.meta.date).toBe('2025-02-26');
    expect(doc.meta.dateSource).toBeUndefined();
    expect(migrateDateSource(JSON.parse(v1))).toEqual(JSON.parse(v1));
  });

  it('a date taken from a web page keeps its source through a save', () => {
    const { doc } = importText(['松川县司法局关于2024年度法治政府建设情况的报告', '发布时间：2025-04-03', '一、主要举措和成效', '全年办理行政复议案件23件。'].join('\n'), { id: 'p' });
    const text = serializeDocument(doc);
    expect(JSON.parse(text).version).toBe(FZBG_VERSION);
    expect(parseDocument(text).meta).toMatchObject({ date: '2025-04-03', dateSource: 'published' });
  });
});
