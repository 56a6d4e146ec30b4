// Run-in enumerations 一是…二是…: gaps, a marker without 是, a missing full stop; no false alarms on 八届, 三会一课…
import { describe, expect, it } from 'vitest';
import { findings, heading, makeDoc, paragraph } from './helpers/checkDocs';

const seq = (...texts: string[]) => findings(makeDoc(texts.map((t) => paragraph(t))), 'enum.').map((f) => [f.text, f.fix ?? null]);

describe('run-in enumerations', () => {
  it('finds a marker that lost its 是 (the jianghai sentence)', () => {
    const text = '一是严格落实网络安全责任制。健全部门间联防联控机制。二开展政务网站、新媒体安全检测。统筹开展检测工作。三是开展网络和数据安全检查。';
    const found = findings(makeDoc([paragraph(text)]), 'enum.');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect([found[0]!.text, found[0]!.fix, text.indexOf('二开展')]).toEqual(['二', '二是', found[0]!.start]);
  });

  it('finds a gap and a repeated marker', () => {
    expect(seq('一是加强学习。二是完善制度。四是强化监督。')).toEqual([['四是', null]]);
    expect(findings(makeDoc([paragraph('一是加强学习。二是完善制度。四是强化监督。')]), 'enum.')[0]!.message).toContain('缺少“三是”');
    expect(seq('一是加强学习。二是完善制度。二是强化监督。')).toEqual([['二是', null]]);
  });

  it('finds a missing full stop before the next marker', () => {
    expect(seq('一是加强学习，提升能力二是完善制度。')).toEqual([['二是', '。二是']]);
  });

  it('continues a sequence across the paragraphs of a section and restarts under a heading', () => {
    const doc = makeDoc([
      heading(2, '（一）加强组织领导'),
      paragraph('一是加强学习。'),
      paragraph('二是完善制度。'),
      paragraph('四是强化监督。'),
      heading(2, '（二）严格规范执法'),
      paragraph('一是推行三项制度。二是开展案卷评查。'),
    ]);
    expect(findings(doc, 'enum.').map((f) => [f.path, f.text])).toEqual([[[3], '四是']]);
  });

  it('does not mistake 八届, 三会一课, 一网通办, 一件事, 唯一是 or counts for markers', () => {
    const texts = [
      '八届市政府第95次常务会议会前传达学习了条例。一是落实学法制度。二是通过“三会一课”等方式学习。三会一课制度得到落实。',
      '一是深化“一网通办”改革。二是推动“高效办成一件事”。一网统管平台已上线。三是完善制度。',
      '一是加强学习。唯一是全面覆盖的平台。二是完善制度。三个方面工作取得成效。',
      '一是提升服务。二是强化监督。三年来累计办理案件100件。三是加强保障。',
      '一是加强队伍建设。二是规范执法。三、四季度开展专项检查。',
    ];
    for (const t of texts) expect(seq(t), t).toEqual([]);
  });

  it('accepts markers after semicolons and commas', () => {
    expect(seq('一是加强学习；二是完善制度；三是强化监督。')).toEqual([]);
    expect(seq('重点做好三项工作，一是加强学习，二是完善制度，三是强化监督。')).toEqual([]);
  });

  it('judges a numeral after a line break as a clause start both before and after the fix (fuzz seed 1394909811)', () => {
    const before = ['一是加强学习。二是完善制度。', '为\r\n三贯彻落实上级部署，重点开展两项工作。'];
    const found = findings(makeDoc(before.map((t) => paragraph(t))), 'enum.');
    expect(found.map((f) => [f.text, f.fix])).toEqual([['三', '三是']]);
    expect(seq(before[0]!, '为\r\n三是贯彻落实上级部署，重点开展两项工作。')).toEqual([]);
    // Mid-clause after a plain space: neither a lost 是 nor, once written, a marker lacking its full stop.
    expect(seq('一是加强学习。二是完善制度。为 三贯彻落实上级部署。')).toEqual([]);
  });
});
