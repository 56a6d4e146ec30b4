// Publication safety (shared, pure): the report is published, so personal data (resident ID numbers with a valid
// check digit, mobile numbers, personal e-mail addresses) and secrecy markings must not appear in it.
import type { BlockRule, RawFinding } from '../types';
import { at, matches } from '../text';

const ID_NUMBER = /(?<![\dA-Za-z])([1-9]\d{5})((?:18|19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(\d{3})([\dXx])(?![\dA-Za-z])/g;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** GB 11643 check digit of an 18-character resident ID number. */
export function validResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11] === id[17]!.toUpperCase();
}

export const residentId: BlockRule = {
  id: 'safety.id-number',
  category: 'safety',
  severity: 'error',
  title: '居民身份证号码',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    if (!/\d{17}/.test(unit.text)) return out;
    for (const m of matches(ID_NUMBER, unit.text)) {
      if (!validResidentId(m[0])) continue;
      out.push(at(unit, m.index, m.index + m[0].length, '文中出现居民身份证号码，属于个人信息，公开发布前必须删除或隐去。'));
    }
    return out;
  },
};

const COUNT_AFTER = /^(?:余|多|万|亿)?(?:次|条|元|件|个|人|项|份|户|家|字节|KB|MB|GB|TB|笔|张|册)/;
const MOBILE = /(?<![\dA-Za-z\-])(1[3-9]\d)[ \-]?(\d{4})[ \-]?(\d{4})(?![\dA-Za-z\-])/g;

export const mobileNumber: BlockRule = {
  id: 'safety.mobile',
  category: 'safety',
  severity: 'error',
  title: '手机号码',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    if (!/1[3-9]\d/.test(unit.text)) return out;
    for (const m of matches(MOBILE, unit.text)) {
      // 18-digit runs are ID numbers or codes, handled elsewhere; the lookarounds keep us out of longer numbers.
      // Eleven digits followed by a measure word are a count (调用接口17300000000次), not a phone number.
      if (COUNT_AFTER.test(unit.text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
      out.push(at(unit, m.index, m.index + m[0].length, '文中出现手机号码，属于个人信息，公开发布前必须删除；如需公布联系方式，请用单位办公电话。'));
    }
    return out;
  },
};

const EMAIL = /[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})/g;
const PERSONAL_MAIL = /^(?:qq|foxmail|163|126|yeah|sina|sohu|139|189|aliyun|gmail|hotmail|outlook|yahoo|icloud|live|msn)\./i;

export const email: BlockRule = {
  id: 'safety.email',
  category: 'safety',
  severity: 'warning',
  title: '电子邮箱地址',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    if (!unit.text.includes('@')) return out;
    for (const m of matches(EMAIL, unit.text)) {
      const domain = m[1]!;
      if (/\.gov\.cn$|\.org\.cn$/i.test(domain)) continue; // an official mailbox may be published
      const personal = PERSONAL_MAIL.test(domain);
      out.push({
        ...at(unit, m.index, m.index + m[0].length, personal
          ? '文中出现个人电子邮箱，属于个人信息，公开发布前必须删除；如需公布联系方式，请用单位公务邮箱。'
          : '文中出现电子邮箱地址，请确认是否为可公开的单位公务邮箱。'),
        severity: personal ? 'error' : 'warning',
      });
    }
    return out;
  },
};

/** The longest line that reads as a marking alone (`内部资料（注意保存）`, `秘密★1年 请勿外传`). */
const MARKING_LINE_MAX = 16;

// A marking at the head of a block (秘密★1年, 内部资料 注意保存) or anywhere with the star.
const SECRECY = /(?:绝密|机密|秘密)\s*★[^\s，。]{0,6}|^(?:绝密|机密|秘密|内部资料|内部文件|内部材料|内部参考)(?=\s*(?:$|\s|[（(]|注意保|请勿|不得))/g;

export const secrecyMarking: BlockRule = {
  id: 'safety.secrecy',
  category: 'safety',
  severity: 'error',
  title: '密级或“内部资料”标识',
  scope: 'block',
  check(unit) {
    const out: RawFinding[] = [];
    if (!/密|内部/.test(unit.text)) return out;
    for (const m of matches(SECRECY, unit.text.trimEnd())) {
      // A marking at the head stands on a short line of its own (秘密 注意保密, 内部资料 请勿外传); a sentence that
      // begins with 内部资料不得… is about such material, not marked as it.
      const rest = unit.text.slice(m.index + m[0].length);
      if (!m[0].includes('★') && unit.text.trim().length > MARKING_LINE_MAX && /^(?:不得|请勿)/.test(rest)) continue;
      out.push(at(unit, m.index, m.index + m[0].length, `文中有${m[0].includes('内部') ? '“内部”资料' : '密级'}标识${m[0].trim() ? `“${m[0].trim()}”` : ''}：法治政府建设年度报告须向社会公开，涉密或内部内容不得写入，请删除或确认定密情况。`));
    }
    return out;
  },
};

export const SAFETY_RULES = [residentId, mobileNumber, email, secrecyMarking];
