// Repeated characters and phrases: accidental doublings are errors; reduplication and word-boundary repeats are not.
import { describe, expect, it } from 'vitest';
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
