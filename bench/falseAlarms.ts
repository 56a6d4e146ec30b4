// The false-alarm suite (bench and tests, Node): correct official sentences from tests/fixtures/precision/*.txt, each
// set in an otherwise clean 2024 report; an error or warning on one is a false alarm. Shared by the unit test that
// fails on any alarm and by `npm run precision`, which reports the suite's size and result.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Checker } from '../shared/check/engine';
import { emptyRuleSettings, heading, paragraph, type ReportDocument } from '../shared/model/schema';
import { REPO_ROOT } from './corpus';

export const SUITE_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'precision');

/** The suite's files, sorted. */
export function suiteFiles(dir: string = SUITE_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
}

/** The sentences of one file: its non-empty lines that are not comments (#). */
export function sentencesOf(file: string, dir: string = SUITE_DIR): string[] {
  return readFileSync(join(dir, file), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
}

/** Index in the body of the paragraph that carries the sentence under test. */
const SENTENCE_AT = 2;

/** A complete, clean 2024 department report with `sentence` as the second paragraph of its first part. */
export function reportWith(sentence: string): ReportDocument {
  return {
    id: 'precision',
    meta: { organ: 'X市司法局', year: 2024, title: 'X市司法局关于2024年度法治政府建设情况的报告', addressee: 'X市人民政府', date: '2025-02-20', signature: 'X市司法局' },
    body: [
      heading(1, '2024年法治政府建设的主要举措和成效', { parts: ['achievements'] }),
      paragraph('全年办理行政复议案件126件，审查规范性文件18件，组织法治培训12场次。'),
      paragraph(sentence),
      heading(1, '存在的不足和原因', { parts: ['shortcomings'] }),
      paragraph('一是基层执法人员力量不足，原因在于编制调整尚未到位；二是案卷评查发现的问题整改还不够及时。'),
      heading(1, '党政主要负责人履行推进法治建设第一责任人职责情况', { parts: ['leadership'] }),
      paragraph('主要负责人全年主持召开党组会议4次专题研究法治工作，带头讲法治课1次。'),
      heading(1, '2025年推进法治政府建设的主要安排', { parts: ['plans'] }),
      paragraph('2025年，我局将继续完善行政执法“三项制度”，计划开展执法案卷评查2次。'),
    ],
    ignores: [],
    rules: emptyRuleSettings(),
  };
}

/** The errors and warnings that land on the sentence, as `rule（matched text）`. */
export function alarmsOn(checker: Checker, sentence: string): string[] {
  return checker
    .check(reportWith(sentence))
    .findings.filter((f) => f.severity !== 'info' && !f.onTitle && f.path[0] === SENTENCE_AT)
    .map((f) => `${f.rule}（${f.text}）`);
}
