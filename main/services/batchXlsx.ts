// The reviewer's workbook (Node, exceljs): a 汇总 sheet with one row per report (the desk table's columns and the
// share copied from last year), then one sheet per report with its findings and the paragraphs copied. Written
// through a temp file beside the target (atomicWrite), so a failed export never leaves half a workbook.
import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, SEVERITY_LABELS } from '../../shared/check/types';
import { findingPlace, placesOf } from '../../shared/desk/place';
import { DEADLINE_TEXT, PAIRED_BY_TEXT, PART_MARK_TEXT, PART_SHORT, percent, type DeskRow } from '../../shared/desk/rows';
import { DESK_PARTS, safetyTotal } from '../../shared/desk/summary';
import { sequenceMarkers } from '../../shared/model/numbering';
import { blockText } from '../../shared/model/schema';
import { atomicWrite } from './atomicWrite';
import { deskRows, isChecked, type BatchResult } from './batch';

/** The 汇总 sheet's columns, in order (the e2e test and the README name them). */
export const SUMMARY_COLUMNS = [
  '文件', '机关', '标题', '年度', '成文日期', '报送期限', '是否按期',
  ...DESK_PARTS.map((id) => PART_SHORT[id]),
  '错误', '提醒', '提示', '未填占位符', '无数据的小节', '身份证号', '手机号', '涉密标识', '电子邮箱', '字数',
  '上年报告', '配对依据', '沿用上年段落占比', '原样沿用段落', '仅改数字或年份段落', '数值未变的指标', '无法读取的原因',
] as const;

const RED = 'FFFFC7CE';
const RED_TEXT = 'FF9C0006';

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, unique in the workbook. */
function sheetName(wanted: string, used: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '').trim() || '报告').slice(0, 28);
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base.slice(0, 27 - String(n).length)}(${n})`;
  used.add(name);
  return name;
}

function summaryValues(row: DeskRow): (string | number)[] {
  if (row.status === 'failed') {
    const blank = SUMMARY_COLUMNS.length - 2;
    return [row.key, ...Array<string>(blank).fill(''), row.reason];
  }
  const s = row.summary;
  const p = row.previous;
  return [
    row.key, s.organ, s.title, s.year, s.date, s.deadline.due, DEADLINE_TEXT[s.deadline.status],
    ...DESK_PARTS.map((id) => PART_MARK_TEXT[s.parts[id]]),
    s.errors, s.warnings, s.infos, s.placeholders, s.subPartsWithoutFigure,
    s.safety.idNumber, s.safety.mobile, s.safety.secrecy, s.safety.email, s.chars,
    p ? `${p.key}（${p.organ}）` : '', p ? PAIRED_BY_TEXT[p.by] : '', p ? percent(p.copiedShare) : '',
    p ? p.same : '', p ? p.numbersOnly : '', p ? p.unchangedIndicators.join('；') : '', '',
  ];
}

async function buildWorkbook(result: BatchResult): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '法治年报助手';
  const rows = deskRows(result);
  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  summary.addRow([...SUMMARY_COLUMNS]);
  summary.getRow(1).font = { bold: true };
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };
  const safetyFrom = SUMMARY_COLUMNS.indexOf('身份证号') + 1;
  for (const row of rows) {
    const added = summary.addRow(summaryValues(row));
    if (row.status === 'ok' && safetyTotal(row.summary.safety) > 0) {
      for (let c = safetyFrom; c < safetyFrom + 4; c++) {
        const cell = added.getCell(c);
        if (Number(cell.value) > 0) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } };
          cell.font = { color: { argb: RED_TEXT }, bold: true };
        }
      }
    }
  }
  summary.columns.forEach((col, i) => {
    col.width = i === 0 ? 28 : i === 2 ? 40 : i === 1 ? 24 : Math.max(8, SUMMARY_COLUMNS[i]!.length * 2 + 2);
  });

  const used = new Set(['汇总']);
  for (const entry of result.entries) {
    if (!isChecked(entry)) continue;
    const sheet = wb.addWorksheet(sheetName(entry.summary.organ || entry.file.key, used));
    sheet.addRow(['文件', entry.file.key]);
    sheet.addRow(['标题', entry.summary.title]);
    sheet.addRow([]);
    const head = sheet.addRow(['级别', '类别', '位置', '说明', '原文', '建议改为']);
    head.font = { bold: true };
    const markers = sequenceMarkers(entry.doc.body);
    const places = placesOf(entry.doc);
    for (const f of entry.result.findings) {
      const r = sheet.addRow([SEVERITY_LABELS[f.severity], CATEGORY_LABELS[f.category], findingPlace(entry.doc, f, markers, places), f.message, f.path.length > 0 || f.onTitle ? f.text : '', f.fix === undefined ? '' : f.fix === '' ? '（删除）' : f.fix]);
      if (f.category === 'safety') r.getCell(1).font = { color: { argb: RED_TEXT }, bold: true };
    }
    if (entry.result.findings.length === 0) sheet.addRow(['', '', '', '未发现问题。']);
    const c = result.comparisons.get(entry.file.key);
    if (c && c.comparison.marks.length > 0) {
      sheet.addRow([]);
      sheet.addRow([`与上年报告（${c.previousKey}）相同或仅改数字、年份的段落`]).font = { bold: true };
      for (const m of c.comparison.marks) {
        sheet.addRow([m.mark === 'same' ? '原样沿用' : '仅改数字或年份', '', findingPlace(entry.doc, { path: [m.index] }, markers, places), blockText(entry.doc.body[m.index]!)]);
      }
    }
    sheet.getColumn(1).width = 14;
    sheet.getColumn(2).width = 14;
    sheet.getColumn(3).width = 30;
    sheet.getColumn(4).width = 60;
    sheet.getColumn(5).width = 30;
    sheet.getColumn(6).width = 16;
    sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  }
  return wb;
}

/** Writes the workbook to `path` atomically. */
export async function writeWorkbook(result: BatchResult, path: string): Promise<void> {
  const wb = await buildWorkbook(result);
  const buffer = await wb.xlsx.writeBuffer();
  await atomicWrite(path, new Uint8Array(buffer as ArrayBuffer), { backup: false });
}
