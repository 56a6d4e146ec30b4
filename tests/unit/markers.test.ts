// Heading sequence markers as typed in real reports: the four standard forms in full and half width, the wrong forms
// the reference lists (reported as malformed), and prose that only looks like a marker.
import { describe, expect, it } from 'vitest';
import { parseHeadingMarker } from '../../shared/outline/markers';

describe('parseHeadingMarker: the standard forms', () => {
  it.each([
    ['一、2025年推进法治政府建设的主要举措及成效', 1, 1, '一、', '2025年推进法治政府建设的主要举措及成效'],
    ['三、坚持问题导向,靶向发力推动法治政府建设走深走实', 1, 3, '三、', '坚持问题导向,靶向发力推动法治政府建设走深走实'],
    ['十二、其他需要报告的情况', 1, 12, '十二、', '其他需要报告的情况'],
    ['（一）深入践行习近平法治思想', 2, 1, '（一）', '深入践行习近平法治思想'],
    ['(二)持续深化政务服务改革,助力营造法治化一流营商环境', 2, 2, '(二)', '持续深化政务服务改革,助力营造法治化一流营商环境'],
    ['（七)优化完善制度保障', 2, 7, '（七)', '优化完善制度保障'],
    ['1.深化政府放权改革。一是实施行政许可事项清单化管理', 3, 1, '1.', '深化政府放权改革。一是实施行政许可事项清单化管理'],
    ['6．扎实做好网络安全建设。', 3, 6, '6．', '扎实做好网络安全建设。'],
    ['１２.全角数字的序号', 3, 12, '１２.', '全角数字的序号'],
    ['1.AI政策助手上线', 3, 1, '1.', 'AI政策助手上线'],
    ['（1）行政复议案件办理情况', 4, 1, '（1）', '行政复议案件办理情况'],
    ['(3)行政诉讼应诉情况', 4, 3, '(3)', '行政诉讼应诉情况'],
  ])('%s', (line, level, number, marker, rest) => {
    const m = parseHeadingMarker(line);
    expect(m).not.toBeNull();
    expect(m!.level).toBe(level);
    expect(m!.number).toBe(number);
    expect(m!.marker).toBe(marker);
    expect(m!.rest).toBe(rest);
    expect(m!.malformed).toBeUndefined();
  });

  it('gives the standard form and notes half-width brackets', () => {
    const half = parseHeadingMarker('(一)深入践行习近平法治思想')!;
    expect(half.standard).toBe('（一）');
    expect(half.halfWidth).toBe(true);
    const full = parseHeadingMarker('（一）深入践行习近平法治思想')!;
    expect(full.halfWidth).toBe(false);
    expect(parseHeadingMarker('4.强化政务热线效能')!.standard).toBe('4.');
    expect(parseHeadingMarker('（10）第十项')!.standard).toBe('（10）');
  });

  it('skips indentation of every kind and reports where the marker and the text start', () => {
    const line = '\u00a0\u00a0\u00a0\u00a0 一、坚持问题导向';
    const m = parseHeadingMarker(line)!;
    expect(m.start).toBe(5);
    expect(line.slice(m.start, m.start + m.marker.length)).toBe('一、');
    expect(line.slice(m.end)).toBe('坚持问题导向');
    const spaced = parseHeadingMarker('\u3000\u3000（二） 网络安全还存在短板。')!;
    expect(spaced.rest).toBe('网络安全还存在短板。');
    expect(spaced.level).toBe(2);
  });
});

describe('parseHeadingMarker: forms the reference calls wrong', () => {
  it.each([
    ['一）健全依法决策机制', 2, 1, '（一）'],
    ['二)健全依法决策机制', 2, 2, '（二）'],
    ['（一）、健全依法决策机制', 2, 1, '（一）'],
    ['(三)、加强行政执法监督', 2, 3, '（三）'],
    ['1、深化政府放权改革', 3, 1, '1.'],
    ['12、完善公共法律服务体系', 3, 12, '12.'],
    ['（2）、规范性文件备案审查', 4, 2, '（2）'],
    ['2）规范性文件备案审查', 4, 2, '（2）'],
    ['一.主要举措和成效', 1, 1, '一、'],
  ])('%s is recognised and marked malformed', (line, level, number, standard) => {
    const m = parseHeadingMarker(line);
    expect(m).not.toBeNull();
    expect(m!.level).toBe(level);
    expect(m!.number).toBe(number);
    expect(m!.standard).toBe(standard);
    expect(m!.malformed).toMatch(standard);
  });
});

describe('parseHeadingMarker: prose is not a marker', () => {
  it.each([
    '一是切实履行法治建设第一责任人职责。',
    '二开展政务网站、新媒体安全检测。',
    '2025年,江海区政务和数据局坚持以习近平新时代中国特色社会主义思想为指导',
    '12345热线诉求办结率达100%',
    '1.84亿元用于数字政府建设',
    '2.0版本平台已上线',
    '1、2号楼完成改造',
    '一、二季度完成清理工作',
    '三、四月份开展专项检查',
    '八届市政府第95次常务会议会前传达学习了条例',
    '（2024年版）行政许可事项清单',
    '（2021-2025年）纲要',
    '“粤治慧”阳江分平台已成功国产化部署',
    '一、',
    '（一）',
    '1.',
    '',
    '   ',
    '2025.11.20',
    '十分重视法治建设',
  ])('%s', (line) => {
    expect(parseHeadingMarker(line)).toBeNull();
  });
});
