// The false-alarm suite: correct official sentences (tests/fixtures/precision/*.txt) on which no error or warning fires.
import { describe, expect, it } from 'vitest';
import { createChecker } from '../../shared/check/engine';
import { alarmsOn, reportWith, sentencesOf, suiteFiles } from '../../bench/falseAlarms';

const FILES = suiteFiles();

/** The suite must hold at least this many sentences (the issue asks for 300 across the rule families). */
const MIN_SENTENCES = 300;

const checker = createChecker();

describe('false-alarm suite', () => {
  it('the report the sentences are set in is clean itself', () => {
    const clean = checker.check(reportWith('我局按计划完成了年度各项工作。')).findings.filter((f) => f.severity !== 'info');
    expect(clean.map((f) => `${f.rule}: ${f.text}`)).toEqual([]);
  });

  it('holds enough sentences to mean something', () => {
    expect(FILES.flatMap((f) => sentencesOf(f)).length).toBeGreaterThanOrEqual(MIN_SENTENCES);
  });

  for (const file of FILES) {
    it(`no error or warning on ${file}`, () => {
      const alarms = sentencesOf(file).flatMap((s) => alarmsOn(checker, s).map((a) => `${s} → ${a}`));
      expect(alarms).toEqual([]);
    });
  }
});
