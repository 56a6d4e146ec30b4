// Publication safety: ID numbers with a valid check digit, mobile numbers, e-mail addresses, secrecy markings.
import { describe, expect, it } from 'vitest';
import { validResidentId } from '../../shared/check/rules/safety';
import { findings, hits, makeDoc, paragraph } from './helpers/checkDocs';

describe('publication safety', () => {
  it('validates the ID check digit (GB 11643)', () => {
    expect(validResidentId('11010519491231002X')).toBe(true);
    expect(validResidentId('110105194912310021')).toBe(false);
  });

  it('finds an ID number only when its check digit is valid', () => {
    expect(hits('当事人张某（身份证号11010519491231002X）已结案，统一社会信用代码110105194912310021。', 'safety.')).toEqual(['safety.id-number: 11010519491231002X']);
  });

  it('finds mobile numbers, not hotlines, landlines or long codes', () => {
    expect(hits('联系人手机13812345678，或138-1234-5678。', 'safety.mobile')).toEqual(['safety.mobile: 13812345678', 'safety.mobile: 138-1234-5678']);
    expect(hits('拨打12345热线，电话0662-3331234，索引号11441700MB2C912265，代码MA13812345678X，已接入数据112699条。', 'safety.')).toEqual([]);
  });

  it('a personal mailbox is an error, an unknown one a warning, an official one fine', () => {
    const f = findings(makeDoc([paragraph('来信请寄zhangsan@163.com或fzb@example.com，或yjfzb@yangjiang.gov.cn。')]), 'safety.email');
    expect(f.map((x) => [x.text, x.severity])).toEqual([['zhangsan@163.com', 'error'], ['fzb@example.com', 'warning']]);
  });

  it('eleven digits counting something are not a mobile number', () => {
    expect(hits('年度累计调用数据共享接口17300000000次，交换数据13500000000条。', 'safety.mobile')).toEqual([]);
    expect(hits('联系人手机13800138000，调用17300000000次。', 'safety.mobile')).toEqual(['safety.mobile: 13800138000']);
  });

  it('a sentence about 内部资料 is not a marking; a short marking line, or one with the star, is', () => {
    expect(hits('内部资料不得擅自对外提供，我局据此修订了档案管理制度。', 'safety.secrecy')).toEqual([]);
    expect(hits('内部资料不得外传', 'safety.secrecy')).toEqual(['safety.secrecy: 内部资料']);
    expect(hits('内部资料（注意保存）本报告供参阅，全年共办理案件12件。', 'safety.secrecy')).toEqual(['safety.secrecy: 内部资料']);
  });

  it('finds secrecy markings but not secrecy as a topic', () => {
    expect(hits('秘密★1年', 'safety.secrecy')).toEqual(['safety.secrecy: 秘密★1年']);
    expect(hits('内部资料 注意保存', 'safety.secrecy')).toEqual(['safety.secrecy: 内部资料']);
    expect(hits('加强保守国家秘密和商业秘密教育，规范内部资料管理，严防机密泄露。', 'safety.')).toEqual([]);
  });
});
