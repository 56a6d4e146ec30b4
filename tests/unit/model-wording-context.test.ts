// Format version 6: a template's formulation entries may carry a family and context conditions. Version-5 files open unchanged.
import { describe, expect, it } from 'vitest';
import { FZBG_VERSION, migrateWordingContext, parseDocument, serializeDocument } from '../../shared/model/format';

const v5 = JSON.stringify({
  format: 'fzbg', version: 5, id: 'old',
  meta: { organ: '松川县司法局', year: 2024, title: '松川县司法局关于2024年度法治政府建设情况的报告', addressee: '县人民政府', date: '2025-02-26', signature: '松川县司法局' },
  body: [{ type: 'paragraph', children: [{ text: '全年办理行政复议案件23件。' }] }],
  ignores: [], rules: { disabled: [], severity: {}, requiredIndicators: [], formulations: [{ wrong: '数字政府建设', correct: '数字法治政府建设', severity: 'warning' }] },
});

describe('wording entries with family and context (format version 6)', () => {
  it('a version-5 file opens, its entries formulation-dictionary entries without context', () => {
    expect(FZBG_VERSION).toBeGreaterThanOrEqual(6);
    expect(migrateWordingContext(JSON.parse(v5))).toEqual(JSON.parse(v5));
    const doc = parseDocument(v5);
    expect(doc.rules.formulations).toEqual([{ wrong: '数字政府建设', correct: '数字法治政府建设', severity: 'warning' }]);
  });

  it('an entry’s family, context and source survive a save', () => {
    const doc = parseDocument(v5);
    doc.rules.formulations = [{ wrong: '法律进', correct: '法治进', family: 'confusable', after: '机关', notBefore: '推动', source: '本市2024年通知' }];
    const text = serializeDocument(doc);
    expect(JSON.parse(text).version).toBe(FZBG_VERSION);
    expect(parseDocument(text).rules.formulations).toEqual(doc.rules.formulations);
  });
});
