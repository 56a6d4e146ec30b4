// Confusable words and leaders' names: true cases with their fixes, and the look-alikes that must stay silent.
import { describe, expect, it } from 'vitest';
import { applyFixes, createChecker } from '../../shared/check/engine';
import { templatePatternProblems } from '../../shared/check/userPattern';
import { BUILTIN_PATTERNS, builtinEntries, WORDING_VERSIONS } from '../../shared/check/wording';
import type { FormulationEntry } from '../../shared/model/schema';
import { findings, makeDoc, paragraph } from './helpers/checkDocs';

const hits = (rule: string, text: string, year = 2024) => findings(makeDoc([paragraph(text)], { year }), rule).map((f) => [f.text, f.fix ?? null, f.severity]);
const confusable = (text: string) => hits('form.confusable', text);
const leader = (text: string, year = 2024) => hits('form.leader', text, year);

describe('confusable words (templates/confusables.json)', () => {
  it('is versioned data whose every entry names its source', () => {
    expect(WORDING_VERSIONS.confusable).toBeGreaterThanOrEqual(1);
    expect(builtinEntries('confusable').length).toBeGreaterThan(30);
    expect(builtinEntries('confusable').every((e) => e.source && e.note)).toBe(true);
  });

  it('法制 is 法治 in the fixed phrases, and stays 法制 in 法制办, 法制审核, 法制机构, 法制日报', () => {
    expect(confusable('加快建设法制政府，运用法制思维和法制方式，打造法制化营商环境。')).toEqual([
      ['法制', '法治', 'error'], ['法制', '法治', 'error'], ['法制', '法治', 'error'], ['法制', '法治', 'error'],
    ]);
    // 法制观念 and its kin were long standard: an info, not a warning.
    expect(confusable('推进法制建设，增强法制意识。')).toEqual([['法制', '法治', 'warning'], ['法制', '法治', 'info']]);
    expect(confusable('落实重大执法决定法制审核制度，市政府法制办、司法局法制科和各部门法制机构配合，《法制日报》作了报道。')).toEqual([]);
    expect(confusable('人大常委会法制工作委员会审议，回顾民主法制建设的历程，加强政府法制工作。')).toEqual([]);
  });

  it('部署, 必须/必需, 其他, 做好, 作为', () => {
    expect(confusable('认真布署，必需坚持依法行政，作好迎检准备，做为试点单位，处理其它事项。')).toEqual([
      ['布署', '部署', 'error'], ['必需', '必须', 'error'], ['作好', '做好', 'warning'], ['做为', '作为', 'error'], ['其它', '其他', 'warning'],
    ]);
    expect(confusable('保障工作必需的经费，储备防汛必需品，部署专项行动，作出工作部署，做出成绩。')).toEqual([]);
  });

  it('既/即 in their fixed forms', () => {
    expect(confusable('自既日起施行；即要抓好学习，又要抓好落实；既时办结率100%。')).toEqual([
      ['既日起', '即日起', 'error'], ['即要', '既要', 'error'], ['既时', '即时', 'error'],
    ]);
    expect(confusable('自即日起施行；既要抓好学习，又要抓好落实；即时办结；既时间紧，又任务重；即要求各单位按时报送。')).toEqual([]);
  });

  it('的 before a verb after an adverbial is 地; before a noun, or a nominalised verb, it stays 的', () => {
    expect(confusable('认真的落实各项部署，持续深入的开展普法宣传，扎实的推进依法行政。')).toEqual([
      ['的', '地', 'warning'], ['的', '地', 'warning'], ['的', '地', 'warning'],
    ]);
    const [f] = findings(makeDoc([paragraph('认真的落实各项部署。')]), 'form.confusable');
    expect(f!.message).toMatch(/^“认真的落实”应为“认真地落实”。/);
    expect(confusable('以认真的态度、有效的措施推进工作，建立了有效的落实机制和扎实的推进举措。')).toEqual([]);
    expect(confusable('各项任务得到了有效的落实，重点工作取得了扎实的推进，为群众提供积极的帮助。')).toEqual([]);
    expect(confusable('这是一次深入的学习，开展了广泛的宣传，高效的服务赢得群众好评，各单位积极的配合保证了进度。')).toEqual([]);
  });

  it('有待, 截至/截止, 制定', () => {
    expect(confusable('队伍素质需待进一步提高；截止目前，截止2024年底，申报截至日期为3月1日；制订规范性文件3件。')).toEqual([
      ['需待', '有待', 'error'], ['截止', '截至', 'error'], ['截止', '截至', 'error'], ['截至', '截止', 'error'], ['制订', '制定', 'warning'],
    ]);
    expect(confusable('队伍素质有待进一步提高；截至目前共办理35件；申报截止日期为3月1日，到3月底截止；制订工作方案；所需待遇按规定保障。')).toEqual([]);
  });

  it('the input-method slips of the political vocabulary', () => {
    expect(confusable('坚持依法冶国、依法执政，推进国家冶理现代化，践行中国特色社会注意法治道路和社会主意核心价值观。')).toEqual([
      ['法冶', '法治', 'error'], ['冶理', '治理', 'error'], ['社会注意', '社会主义', 'error'], ['社会主意', '社会主义', 'error'],
    ]);
    expect(confusable('该问题引起社会注意，冶金企业安全生产检查2次。')).toEqual([]);
    expect(leader('习近平总书纪强调。')).toEqual([['习近平总书纪', '习近平总书记', 'error']]);
  });

  it('each fix removes its finding', () => {
    const text = '认真的落实部署，建设法制政府，认真布署，必需坚持，作好准备，既日起，需待提高，截止目前，制订条例。习总书记指出，以习近平为核心的党中央。';
    const doc = makeDoc([paragraph(text)]);
    const checker = createChecker();
    const before = checker.check(doc).findings.filter((f) => f.rule === 'form.confusable' || f.rule === 'form.leader');
    expect(before.length).toBe(11);
    expect(before.every((f) => f.fix !== undefined)).toBe(true);
    const fixed = applyFixes(doc, before).doc;
    expect(checker.check(fixed).findings.filter((f) => f.rule === 'form.confusable' || f.rule === 'form.leader')).toEqual([]);
  });
});

describe('leaders\' names and titles (templates/leaders.json)', () => {
  it('习近平总书记, not 习总书记; 学习总书记 (学习 + 总书记) is fine', () => {
    expect(leader('习总书记强调，要深入学习习总书记重要讲话精神。')).toEqual([
      ['习总书记', '习近平总书记', 'error'], ['习总书记', '习近平总书记', 'error'],
    ]);
    expect(leader('认真学习总书记重要讲话精神，复习总书记的指示要求，深入学习贯彻习近平总书记重要讲话精神。')).toEqual([]);
  });

  it('以习近平同志为核心的党中央 and the thought complete, in every wrong shape', () => {
    expect(leader('以习近平为核心的党中央，以习近平总书记为核心的党中央，以习近平同志为首的党中央。')).toEqual([
      ['以习近平为核心的党中央', '以习近平同志为核心的党中央', 'error'],
      ['以习近平总书记为核心的党中央', '以习近平同志为核心的党中央', 'error'],
      ['以习近平同志为首的党中央', '以习近平同志为核心的党中央', 'error'],
    ]);
    const full = '习近平新时代中国特色社会主义思想';
    for (const wrong of ['习近平新时代特色社会主义思想', '习近平中国特色社会主义思想', '习近平新时代中国社会主义思想', '习近平新时代中国特色主义思想', '习近平总书记新时代中国特色社会主义思想', '新时代习近平中国特色社会主义思想']) {
      expect(leader(`坚持以${wrong}为指导。`), wrong).toEqual([[wrong, full, 'error']]);
    }
    expect(leader('坚持以新时代中国特色社会主义思想为指导。')).toEqual([['新时代中国特色社会主义思想', full, 'warning']]);
    expect(leader('习近平法制思想，习近平总书记法治思想。')).toEqual([['习近平法制思想', '习近平法治思想', 'error'], ['习近平总书记法治思想', '习近平法治思想', 'error']]);
  });

  it('the other thoughts and correct forms pass', () => {
    expect(leader('坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想、习近平经济思想、习近平文化思想和习近平生态文明思想，紧密团结在以习近平同志为核心的党中央周围，深刻领会习近平总书记关于全面依法治国的重要论述。')).toEqual([]);
  });

  it('is versioned by year: a title that changed applies from the year it changed', () => {
    expect(leader('李克强总理作政府工作报告。', 2022)).toEqual([]);
    expect(leader('李克强总理作政府工作报告。', 2024)).toEqual([['李克强总理', null, 'warning']]);
  });
});

describe('team entries of these families', () => {
  it('a template entry joins its family, with its context run in the linear-time engine', () => {
    const doc = makeDoc([paragraph('开展法律进机关活动，开展法律进企业活动。习大大来信。')]);
    const own: FormulationEntry[] = [
      { wrong: '法律进', correct: '法治进', family: 'confusable', after: '机关', severity: 'warning', note: '本市统一表述。' },
      { wrong: '习大大', correct: '习近平总书记', family: 'leader' },
    ];
    doc.rules.formulations = own;
    expect(findings(doc, 'form.').map((f) => [f.rule, f.text, f.fix, f.severity])).toEqual([
      ['form.confusable', '法律进', '法治进', 'warning'],
      ['form.leader', '习大大', '习近平总书记', 'error'],
    ]);
  });

  it('a context pattern RE2 cannot run is named when the template loads and skipped when checking', () => {
    const bad: FormulationEntry = { wrong: '法律进', correct: '法治进', family: 'confusable', after: '机关(?=活动)' };
    expect(templatePatternProblems({ formulations: [bad], requiredIndicators: [] }, '某县模板', BUILTIN_PATTERNS)).toEqual([
      '模板“某县模板”中的匹配规则“机关(?=活动)”使用了先行断言“(?=…)”，本软件为保证检查不被卡住，只支持不需回溯的写法，无法使用，已跳过该规则。',
    ]);
    const doc = makeDoc([paragraph('开展法律进机关活动。')]);
    doc.rules.formulations = [bad];
    expect(findings(doc, 'form.confusable')).toEqual([]);
    // A built-in context restated by a team runs as ours.
    const restated = builtinEntries('confusable').find((e) => e.wrong === '需待')!;
    expect(templatePatternProblems({ formulations: [restated], requiredIndicators: [] }, '某县模板', BUILTIN_PATTERNS)).toEqual([]);
  });

  it('a team entry replaces the built-in entry of the same wrong form in its family only', () => {
    const doc = makeDoc([paragraph('处理其它事项。')]);
    doc.rules.formulations = [{ wrong: '其它', correct: '其他', family: 'confusable', severity: 'error' }];
    expect(findings(doc, 'form.confusable').map((f) => f.severity)).toEqual(['error']);
  });
});
