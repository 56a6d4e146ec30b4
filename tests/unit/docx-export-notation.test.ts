// The 附注 (meta.notation) end to end without a reader: recognised by the text and Word importers, kept by the export's
// round trip with the attachments, and moved out of the body when a version-1 .fzbg file is opened.
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../shared/docx/export';
import { importDocx } from '../../shared/docx/import';
import { notationOf } from '../../shared/import/heuristics';
import { importText } from '../../shared/import/text';
import { FZBG_VERSION, migrateNotationToMeta, parseDocument, serializeDocument } from '../../shared/model/format';
import { featureDoc, fixtureDoc, structureOf, validateDocx } from './helpers/docxDocs';

describe('the 附注 line', () => {
  it('is a parenthesised 此件… line; look-alikes are not', () => {
    expect(notationOf('（此件公开发布）')).toBe('此件公开发布');
    expect(notationOf('(此件依申请公开)')).toBe('此件依申请公开');
    expect(notationOf('  （此件不予公开） ')).toBe('此件不予公开');
    for (const line of ['此件公开发布', '（一）此件公开发布', '（见附件）', '（此件公开发布）。', '（此件公开发布）请各单位遵照执行', '（此件）']) {
      expect(notationOf(line), line).toBeNull();
    }
  });

  it('is taken from the end of pasted text into the meta, after the date, and is no longer body text', () => {
    const text = [
      '某某县司法局关于2025年度法治政府建设情况的报告',
      '县人民政府：',
      '2025年，我局坚持依法行政，各项工作取得新进展。现将有关情况报告如下。',
      '一、主要举措和成效',
      '全年审查规范性文件12件，全部按期办结。',
      '附件：1.2025年度行政执法数据统计表',
      '2.重大行政决策事项目录',
      '某某县司法局',
      '2026年2月28日',
      '（此件公开发布）',
    ].join('\n');
    const { doc } = importText(text, { id: 't' });
    expect(doc.meta.notation).toBe('此件公开发布');
    expect(doc.meta.attachments).toEqual(['2025年度行政执法数据统计表', '重大行政决策事项目录']);
    expect(doc.meta.date).toBe('2026-02-28');
    expect(doc.meta.signature).toBe('某某县司法局');
    expect(JSON.stringify(doc.body)).not.toContain('此件');
  });
});

describe('the export’s round trip', () => {
  it('keeps the 附注 and the attachments, and the file validates', async () => {
    for (const doc of [featureDoc(), fixtureDoc('jianghai-2025-webpage.txt'), fixtureDoc('yangjiang-2024-webpage.txt')]) {
      doc.meta.notation = '此件公开发布';
      doc.meta.attachments = ['2025年度行政执法数据统计表', '重大行政决策事项目录'];
      const bytes = await exportDocx(doc);
      if (doc.id === 'feature') expect(validateDocx(bytes).code).toBe(0);
      const back = importDocx(bytes).doc;
      // The printed 成文日期 is the document's own once exported: where an imported date came from is not carried.
      const { dateSource: _source, ...printed } = doc.meta;
      expect(back.meta).toEqual(printed);
      expect(structureOf(back.body)).toEqual(structureOf(doc.body));
    }
  }, 120_000);

  it('exports a report without a 附注 as before: the date is the last paragraph', async () => {
    const doc = featureDoc();
    const back = importDocx(await exportDocx(doc)).doc;
    expect(back.meta.notation).toBeUndefined();
    expect(back.meta.date).toBe(doc.meta.date);
  });
});

describe('format version 2: the 附注 in the meta', () => {
  const v1 = (lastParagraph: string, meta: Record<string, unknown> = {}): string => {
    const doc = featureDoc();
    const { notation: _n, ...rest } = { ...doc.meta, ...meta } as Record<string, unknown>;
    return JSON.stringify({
      format: 'fzbg', version: 1, ...doc, meta: rest,
      body: [...doc.body, { type: 'paragraph', children: [{ text: lastParagraph }] }],
    });
  };

  it('is saved with the current version, newer than the one without 附注', () => {
    expect(FZBG_VERSION).toBeGreaterThan(1);
    expect(JSON.parse(serializeDocument(featureDoc())).version).toBe(FZBG_VERSION);
  });

  it('opens a version-1 file whose last paragraph is a 附注 with the 附注 moved into the meta', () => {
    const doc = parseDocument(v1('（此件公开发布）'));
    expect(doc.meta.notation).toBe('此件公开发布');
    expect(doc.body).toEqual(featureDoc().body);
  });

  it('opens other version-1 files unchanged', () => {
    const doc = parseDocument(v1('2025年，我局将继续推进法治政府建设。'));
    expect(doc.meta.notation).toBeUndefined();
    expect(doc.body).toHaveLength(featureDoc().body.length + 1);
    // A 附注-like paragraph in the middle of the body stays where it is.
    const raw = JSON.parse(v1('最后一段。'));
    raw.body.splice(1, 0, { type: 'paragraph', children: [{ text: '（此件公开发布）' }] });
    expect(parseDocument(JSON.stringify(raw)).body[1]).toEqual({ type: 'paragraph', children: [{ text: '（此件公开发布）' }] });
  });

  it('the migration is self-contained: it takes and returns raw JSON and leaves malformed input alone', () => {
    expect(migrateNotationToMeta({ meta: null, body: [] })).toEqual({ meta: null, body: [] });
    expect(migrateNotationToMeta({ meta: { notation: '已有' }, body: [1, { type: 'paragraph', children: [{ text: '（此件公开发布）' }] }] }).meta).toEqual({ notation: '已有' });
    const moved = migrateNotationToMeta({ meta: {}, body: [{}, { type: 'paragraph', children: [{ text: '（此件' }, { text: '公开发布）' }] }] });
    expect(moved).toEqual({ meta: { notation: '此件公开发布' }, body: [{}] });
  });

  it('a version-2 file keeps its 附注 through a save', () => {
    const doc = featureDoc();
    doc.meta.notation = '此件公开发布';
    expect(parseDocument(serializeDocument(doc)).meta.notation).toBe('此件公开发布');
  });
});
