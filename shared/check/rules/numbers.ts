// Number usage (shared, pure), after GB/T 15835-2011 and house style: Chinese numerals in Party congress and plenum
// names, no digits with 百/千, no shortened years, 〇 in Chinese-numeral years, no space between a number and its
// unit, rates that cannot exceed 100%, redundant approximations.
import { chineseNumeral } from '../../model/numbering';
import type { BlockRule, RawFinding } from '../types';
import { at, formatNumber, HAN_CLASS, matches } from '../text';

// 党的20大, 20届3中全会, 二十届3中全会, 20届三中全会.
const CONGRESS = /党的(\d{1,2})大/g;
const PLENUM = /([一二三四五六七八九十]{1,3}|\d{1,2})届([一二三四五六七八九十]|\d{1,2})中全会/g;

export const congressNames: BlockRule = {
  id: 'num.congress',
  category: 'numbers',
  severity: 'error',
  title: '党代会、全会名称用汉字数字',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/\d/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(CONGRESS, text)) {
      const fixed = `党的${chineseNumeral(Number(m[1]))}大`;
      out.push(at(unit, m.index, m.index + m[0].length, `党代会名称用汉字数字：${fixed}。`, fixed));
    }
    for (const m of matches(PLENUM, text)) {
      if (!/\d/.test(m[0])) continue;
      const n1 = /\d/.test(m[1]!) ? chineseNumeral(Number(m[1])) : m[1]!;
      const n2 = /\d/.test(m[2]!) ? chineseNumeral(Number(m[2])) : m[2]!;
      const fixed = `${n1}届${n2}中全会`;
      out.push(at(unit, m.index, m.index + m[0].length, `全会名称用汉字数字：${fixed}。`, fixed));
    }
    return out;
  },
};

// 3千余人 → 3000余人; 5百万 → 500万 (only 万 and 亿 may follow digits).
// Units that begin with 千/百 (千米, 千瓦, 千克, 百兆, 百分点) are not counts.
const DIGIT_HUNDRED = /(?<![\d.])(\d+(?:\.\d+)?)([百千])(?!米|克|瓦|伏|帕|赫|兆|焦|卡|字节|公顷|分点|分比|分之|比特)/g;

export const digitsWithHundred: BlockRule = {
  id: 'num.hundred',
  category: 'numbers',
  severity: 'error',
  title: '阿拉伯数字不与“百”“千”连用',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/\d[百千]/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(DIGIT_HUNDRED, text)) {
      const value = Number(m[1]) * (m[2] === '百' ? 100 : 1000);
      const fixed = formatNumber(value);
      out.push(at(unit, m.index, m.index + m[0].length, `阿拉伯数字后只可用“万”“亿”，不与“${m[2]}”连用：应写作“${fixed}”。`, fixed));
    }
    return out;
  },
};

// 23年以来, 24年度, 24年3月: a two-digit year in a date-like context.
const SHORT_YEAR = /(?<![\d.\-])(\d{2})年(?=度|以来|底|初|末|上半年|下半年|全年|\d{1,2}月)/g;
const DURATION_BEFORE = /(?:成立|建立|组建|设立|挂牌|运行|实施|施行|推行|坚持|创建|创办|开办|走过|经过|建院|建县|建市|建区|建镇|建校|建馆|开展)$/;

export const shortYear: BlockRule = {
  id: 'num.short-year',
  category: 'numbers',
  severity: 'error',
  title: '年份不能简写',
  scope: 'block',
  check(unit, settings) {
    const text = unit.text;
    if (!/\d年/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(SHORT_YEAR, text)) {
      const yy = Number(m[1]);
      const century = Math.floor(settings.year / 100) * 100;
      const full = century + yy;
      // Only years near the report year are meant (近10年底 is not a year).
      if (Math.abs(full - settings.year) > 5) continue;
      const prev = text[m.index - 1];
      if (prev !== undefined && /[近连续多满逾超约第共了达余数几十已历]/.test(prev)) continue;
      // A span of years after what has lasted (成立20年以来, 实施25年来) is a duration, not a year.
      if (DURATION_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
      out.push(at(unit, m.index, m.index + 3, `年份不能简写：应写作“${full}年”。`, `${full}年`));
    }
    return out;
  },
};

// 二零二五年, 二0二五年, 二○二五年 → 二〇二五年.
const CN_YEAR = /[一二][零〇○0OＯ０][一二三四五六七八九零〇○0OＯ０]{2}年/g;

export const chineseYearZero: BlockRule = {
  id: 'num.year-zero',
  category: 'numbers',
  severity: 'error',
  title: '汉字年份中的“〇”',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    for (const m of matches(CN_YEAR, unit.text)) {
      if (!/[零○0OＯ０]/.test(m[0])) continue;
      const fixed = m[0].replace(/[零○0OＯ０]/g, '〇');
      out.push(at(unit, m.index, m.index + m[0].length, `汉字数字年份中的“零”应写作“〇”：${fixed}。`, fixed));
    }
    return out;
  },
};

// 2025 年, 共 8 场次: a space between a number and Chinese text.
const SPACE_AFTER_NUMBER = new RegExp(`(\\d)([ \\u00a0\\u3000]+)(?=[${HAN_CLASS}%％])`, 'g');
const SPACE_BEFORE_NUMBER = new RegExp(`([${HAN_CLASS}])([ \\u00a0\\u3000]+)(?=\\d)`, 'g');

export const numberSpace: BlockRule = {
  id: 'num.space',
  category: 'numbers',
  severity: 'error',
  title: '数字与单位、汉字之间不空格',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/\d[ \u00a0\u3000]|[ \u00a0\u3000]\d/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const re of [SPACE_AFTER_NUMBER, SPACE_BEFORE_NUMBER]) {
      for (const m of matches(re, text)) {
        const start = m.index + m[1]!.length;
        const end = start + m[2]!.length;
        out.push(at(unit, start, end, '数字与单位或汉字之间不应留空格。', ''));
      }
    }
    return out;
  },
};

// Rates that cannot exceed 100% (growth rates and 完成率 can, and are not listed).
const RATE = new RegExp(
  `((?:满意|办结|接通|出庭应诉|应诉|出庭|回复|答复|覆盖|知晓|持证|整改|办理|受理|审查|审核|备案|公开|解答|签收|归集|化解|调解成功|结案|到达|参训|合格|亮证|公示|录入|上线|及时|准确|响应|回访|入驻|网办|可网办)率|满意度)` +
  `[^，。；、\\d]{0,6}?(\\d+(?:\\.\\d+)?)[%％]`, 'g');

export const rateOver100: BlockRule = {
  id: 'num.rate',
  category: 'numbers',
  severity: 'error',
  title: '比率不能超过100%',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/率|满意度/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(RATE, text)) {
      const value = Number(m[2]);
      if (value <= 100) continue;
      out.push(at(unit, m.index, m.index + m[0].length, `“${m[1]}”不可能超过100%（此处为${m[2]}%），请核实数据。`));
    }
    return out;
  },
};

// 约…左右, 超过…多, 近…余: two approximations on one figure.
// 约 and 近 inside a word are not approximations: 节约/签约/预约/履约…, 附近/就近/最近/临近…
const APPROX = /(?<![节签预履集制简合特违践邀公条契隐])约(\d+(?:\.\d+)?[万亿]?[^\d，。；、]{0,4}?)左右|(?:超过|超)(\d+(?:\.\d+)?)多|(?<![附最临靠就贴])近(\d+(?:\.\d+)?)余/g;

export const redundantApproximation: BlockRule = {
  id: 'num.approx',
  category: 'numbers',
  severity: 'error',
  title: '约数重复（约…左右）',
  scope: 'block',
  check(unit) {
    const text = unit.text;
    if (!/约|超|近/.test(text)) return [];
    const out: RawFinding[] = [];
    for (const m of matches(APPROX, text)) {
      const s = m[0];
      let fix: string;
      if (m[1] !== undefined) fix = `约${m[1]}`;
      else if (m[2] !== undefined) fix = s.slice(0, -1);
      else fix = s.slice(0, -1);
      out.push(at(unit, m.index, m.index + s.length, `“${s}”约数表达重复，只保留一个：如“${fix}”。`, fix));
    }
    return out;
  },
};

export const NUMBER_RULES: BlockRule[] = [congressNames, digitsWithHundred, shortYear, chineseYearZero, numberSpace, rateOver100, redundantApproximation];
