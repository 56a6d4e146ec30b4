// Repeated characters and phrases: accidental doublings are errors; reduplication and word-boundary repeats are not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repeated } from '../../shared/check/rules/repetition';
import { wordSegmenter } from '../../shared/check/text';
import { emptyRuleSettings } from '../../shared/model/schema';
import { findings, hits, makeDoc, paragraph } from './helpers/checkDocs';

describe('repeated characters and phrases', () => {
  it('finds the doublings of the yangjiang report', () => {
    const found = findings(makeDoc([paragraph('建成覆盖“市-县-镇-村”四级政务网络政务网络，组织市、县两级有关单位赴赴广州市及南沙区等地驻场学习。')]), 'rep.');
    expect(found.map((f) => [f.text, f.fix, f.severity])).toEqual([
      ['政务网络政务网络', '政务网络', 'error'],
      ['赴赴', '赴', 'error'],
    ]);
  });

  it('finds doubled function words', () => {
    expect(hits('这是我们的的工作重点，已经完成了了任务。', 'rep.')).toEqual(['rep.doubled: 的的', 'rep.doubled: 了了']);
  });

  it('accepts reduplication', () => {
    const text = '大大缩短了办事时间，牢牢把握正确方向，层层压实责任，人人参与，确保件件有着落、事事有回应，逐项一一核对，' +
      '紧紧围绕中心工作，常常深入基层，家家户户知晓，踏踏实实做好工作，认真研究研究，讨论讨论再定，村村通、户户通全面实现，一步一步推进。';
    expect(hits(text, 'rep.')).toEqual([]);
  });

  it('accepts repeats across a word boundary', () => {
    expect(hits('召开党组会议专题学习习近平法治思想，市到县骨干网网络设备接口带宽达到10000M，平台我市市场主体用户数24.63万个，传达学习市委全面依法治市委员会会议精神。', 'rep.')).toEqual([]);
  });
});

describe('a character doubled inside a word', () => {
  it('is found when removing one copy leaves normal words', () => {
    const text = '完善规范范性文件备案审查，优化审批批流程，加强执法法人员培训，推进行政政复议体制改革，推动部部门数据共享，做好政府府信息公开。';
    const found = findings(makeDoc([paragraph(text)]), 'rep.');
    expect(found.map((f) => [f.text, f.fix])).toEqual([['范范', '范'], ['批批', '批'], ['法法', '法'], ['政政', '政'], ['部部', '部'], ['府府', '府']]);
  });

  it('a reduplicating character is a slip where one copy belongs to a word', () => {
    expect(hits('开展专项检查查，时时间紧任务重。', 'rep.')).toEqual(['rep.doubled: 查查', 'rep.doubled: 时时']);
    expect(hits('时时处处严格要求，深深感到责任重大，紧紧围绕中心，检查查处违法行为，人人参与。', 'rep.')).toEqual([]);
  });

  it('stays silent on place and organ names that meet their level word', () => {
    const text = '中共滑县县委、滑县县政府、沛县县长、歙县县委、礼县县委、和县县委、中共蓝田县县委、津市市人民政府，全县县域经济，' +
      '我县县委常委会，市司法局局长、区人民法院院长、市纪委委员、律师协会会长列席会议。';
    expect(hits(text, 'rep.')).toEqual([]);
  });

  it('stays silent on two words that share the character', () => {
    expect(hits('检查查处、落实实施、工作作风、建设设施、推进进一步规范、每年年底、今年年初，王晶晶同志参加。', 'rep.')).toEqual([]);
  });
});

describe('a span pasted twice', () => {
  it('is found wherever it starts and ends, the fix keeping one copy', () => {
    const found = findings(makeDoc([paragraph('建立健全行政裁量权基准制度量权基准制度，加强执法监督，加强执法监督，推进严格规范公正文明执法。')]), 'rep.');
    expect(found.map((f) => [f.text, f.fix])).toEqual([
      ['量权基准制度量权基准制度', '量权基准制度'],
      ['加强执法监督，加强执法监督，', '加强执法监督，'],
    ]);
  });

  it('stays silent on lists that repeat part of an item, ABAB verbs and 一X一X', () => {
    expect(hits('相关做法被某市日报、南方日报、南方都市报报道，大家研究研究，一步一步推进，“市-县-镇-村”四级贯通。', 'rep.')).toEqual([]);
  });
});

describe('measured on planted slips', () => {
  const SETTINGS = { year: 2024, organ: '', formulations: emptyRuleSettings().formulations };
  // Every character of every word of the team's own correct sentences (the doubling and marks false-alarm files),
  // doubled in turn, as an input method committing twice would do: most are found, and each fix gives the sentence back.
  const sentences = ['doubling.txt', 'marks.txt'].flatMap((f) =>
    readFileSync(join(__dirname, '..', 'fixtures', 'precision', f), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#')),
  );

  it('finds at least 90% of the doublings (93% when written), and every fix it offers restores the sentence', () => {
    let planted = 0;
    let found = 0;
    const wrongFixes: string[] = [];
    for (const sentence of sentences) {
      for (const w of wordSegmenter().segment(sentence)) {
        if (w.segment.length < 2 || !/^\p{Script=Han}+$/u.test(w.segment)) continue;
        for (let k = 0; k < w.segment.length; k++) {
          const pos = w.index + k;
          const text = sentence.slice(0, pos + 1) + sentence.slice(pos);
          planted++;
          const hit = repeated.check({ path: [0], index: 0, kind: 'paragraph', text }, SETTINGS).find((f) => f.start <= pos && f.end >= pos + 2);
          if (!hit) continue;
          found++;
          const fixed = text.slice(0, hit.start) + hit.fix + text.slice(hit.end);
          if (fixed !== sentence) wrongFixes.push(`${text} → ${fixed}`);
        }
      }
    }
    expect(wrongFixes).toEqual([]);
    expect(found / planted).toBeGreaterThanOrEqual(0.9);
  });

  it('finds at least 90% of spans of 4–10 characters pasted twice wherever they start (95% when written), the fix keeping one copy', () => {
    let planted = 0;
    let found = 0;
    for (const sentence of sentences) {
      for (let a = 0; a < sentence.length; a += 3) {
        const p = sentence.slice(a, a + 4 + (a % 7));
        if ((p.match(/\p{Script=Han}/gu) ?? []).length < 4 || !/\p{Script=Han}/u.test(p[0]!)) continue;
        const text = sentence.slice(0, a + p.length) + p + sentence.slice(a + p.length);
        planted++;
        const hit = repeated.check({ path: [0], index: 0, kind: 'paragraph', text }, SETTINGS).find((f) => f.end - f.start >= 8);
        if (hit && text.slice(0, hit.start) + hit.fix + text.slice(hit.end) === sentence) found++;
      }
    }
    expect(found / planted).toBeGreaterThanOrEqual(0.9);
  });
});
