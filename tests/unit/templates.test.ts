// Templates: the three built-ins are valid, carry the mandated outline, guidance and rule settings whose required
// indicators find figures once the placeholders are filled; the library lists built-in, own and team templates and
// copes with a team folder that is offline, damaged or read-only.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { realFs, type WriterFs } from '../../main/services/atomicWrite';
import { TemplateService } from '../../main/services/templates';
import { MANDATED_PART_IDS, blockText, type Block, type MandatedPartId } from '../../shared/model/schema';
import { Template } from '../../shared/model/template';
import { createReportFromTemplate } from '../../shared/model/templateOps';
import { tempDir } from '../support/tempDir';

const builtinDir = join(__dirname, '../../templates/builtin');
const fixture = (name: string): string => readFileSync(join(__dirname, '../../../shared/fixtures/reports', name), 'utf8');

function loadBuiltin(id: string): Template {
  return Template.parse(JSON.parse(readFileSync(join(builtinDir, `${id}.json`), 'utf8')));
}

/** The text of each mandated part (a heading's tag carries to the blocks under it). */
function textByPart(body: readonly Block[]): Map<MandatedPartId, string> {
  const out = new Map<MandatedPartId, string>();
  let current: readonly MandatedPartId[] = [];
  for (const block of body) {
    if (block.type === 'heading' && block.level === 1) current = block.parts ?? [];
    for (const part of current) out.set(part, (out.get(part) ?? '') + blockText(block) + '\n');
  }
  return out;
}

describe('built-in templates', () => {
  const ids = ['department', 'county-government', 'township'];

  it('are exactly the three expected, each valid against the Template schema', () => {
    expect(readdirSync(builtinDir).sort()).toEqual(ids.map((id) => `${id}.json`).sort());
    const names = ids.map((id) => loadBuiltin(id).name);
    expect(names).toEqual(['政府部门', '县级政府', '乡镇（街道）']);
  });

  for (const id of ids) {
    it(`${id}: mandated outline, guidance per part, placeholders, and indicators that find filled-in figures`, () => {
      const t = loadBuiltin(id);
      expect(t.source).toBe('builtin');
      const tagged = t.body.filter((b) => b.type === 'heading' && b.level === 1).map((b) => (b.type === 'heading' ? b.parts : undefined));
      expect(tagged).toEqual(MANDATED_PART_IDS.map((p) => [p]));
      expect(t.guidance.map((g) => g.part)).toEqual([...MANDATED_PART_IDS]);
      for (const g of t.guidance) {
        expect(g.text.length).toBeGreaterThan(20);
        // Guidance is shown as it is (only the report body has its tokens filled in).
        expect(g.text).not.toMatch(/【年份】|【下一年份】|【机关名称】/);
      }
      expect(t.guidance.find((g) => g.part === 'achievements')!.indicators.length).toBeGreaterThanOrEqual(5);
      const bodyText = t.body.map(blockText).join('\n');
      expect(bodyText).toMatch(/【××件】/);
      expect(bodyText).toMatch(/【××%】/);
      expect(t.rules.lengthTarget?.min).toBeGreaterThan(0);
      expect(t.rules.lengthTarget!.max!).toBeGreaterThan(t.rules.lengthTarget!.min!);
      expect(t.rules.requiredIndicators.length).toBeGreaterThanOrEqual(3);

      // A report made from it states no figure yet: every required indicator is still missing …
      const doc = createReportFromTemplate(t, { id: 'r', organ: '某某县人民政府', year: 2025 });
      const empty = textByPart(doc.body);
      for (const ind of t.rules.requiredIndicators) expect(new RegExp(ind.pattern, 'u').test(empty.get(ind.part) ?? ''), ind.label).toBe(false);
      // … and once the officer fills the placeholders in, every one is found in its part.
      const filled = textByPart(
        doc.body.map((b) => (b.type === 'table' ? b : { ...b, children: b.children.map((l) => ({ text: l.text.replace(/【××(%|[^】]*)】/g, (_m, unit: string) => `${unit === '%' ? '98.5' : '12'}${unit}`) })) })),
      );
      for (const ind of t.rules.requiredIndicators) expect(new RegExp(ind.pattern, 'u').test(filled.get(ind.part) ?? ''), ind.label).toBe(true);
    });
  }

  it('county: requires administrative review and litigation case counts and the appearance rate', () => {
    const labels = loadBuiltin('county-government').rules.requiredIndicators.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['行政复议案件数', '行政诉讼案件数', '行政机关负责人出庭应诉率']));
  });

  it('indicator patterns read real report sentences: a figure counts, a denial without one does not', () => {
    const yangjiang = fixture('yangjiang-2024-webpage.txt');
    const dept = loadBuiltin('department').rules.requiredIndicators;
    const counsel = new RegExp(dept.find((i) => i.label === '法律顾问审查文件件数')!.pattern, 'u');
    expect(counsel.exec(yangjiang)?.[0]).toMatch(/法律顾问审查相关政策合同文件达90多份$/);
    const county = loadBuiltin('county-government').rules.requiredIndicators;
    const review = new RegExp(county.find((i) => i.label === '行政复议案件数')!.pattern, 'u');
    const sentence = yangjiang.split(/[。.]/).find((s) => s.includes('年内没有发生行政诉讼、行政复议案件'))!;
    expect(sentence).toBeDefined();
    expect(review.test(sentence)).toBe(false);
  });
});

const mounts: string[] = [];
afterEach(() => {
  while (mounts.length) spawnSync('umount', [mounts.pop()!]);
});

function library(team = '', writerFs?: WriterFs) {
  const root = tempDir('tpl');
  const settings = { team };
  const service = new TemplateService({ builtinDir, userDir: join(root, 'mine'), teamDir: () => settings.team, writerFs });
  return { root, settings, service };
}

const own = (id: string, name: string, source: 'user' | 'team' = 'user') => ({
  ...loadBuiltin('department'), id, name, source, description: '本局自用',
});

describe('template library', () => {
  it('lists the built-ins, saves, reads and deletes the user\'s own', async () => {
    const { service } = library();
    await service.init();
    expect((await service.list()).templates.map((t) => [t.id, t.source])).toEqual([
      ['county-government', 'builtin'], ['department', 'builtin'], ['township', 'builtin'],
    ]);
    const saved = await service.save(own('my-bureau', '本局模板'));
    expect(saved).toEqual({ id: 'my-bureau', name: '本局模板', description: '本局自用', source: 'user' });
    expect((await service.read('my-bureau')).name).toBe('本局模板');
    expect((await service.list()).templates.map((t) => t.id)).toContain('my-bureau');
    await service.deleteOwn('my-bureau');
    await expect(service.read('my-bureau')).rejects.toMatchObject({ code: 'template-missing' });
    await expect(service.deleteOwn('department')).rejects.toMatchObject({ code: 'template-not-own' });
  });

  it('refuses to overwrite a built-in', async () => {
    const { service } = library();
    await expect(service.save(own('department', '改过的'))).rejects.toMatchObject({ code: 'template-builtin', message: expect.stringMatching(/只读/) });
    await expect(service.save({ ...own('x', 'x'), source: 'builtin' })).rejects.toMatchObject({ code: 'template-builtin' });
    expect(loadBuiltin('department').name).toBe('政府部门');
  });

  it('lists team templates, skipping damaged files with a notice', async () => {
    const { root, settings, service } = library();
    const team = join(root, 'team');
    mkdirSync(team);
    settings.team = team;
    writeFileSync(join(team, 'bureau.json'), JSON.stringify(own('bureau-2025', '局统一模板', 'user')));
    writeFileSync(join(team, 'broken.json'), '{"id": "b');
    writeFileSync(join(team, 'wrong.json'), JSON.stringify({ id: 'Bad Id', name: '' }));
    const { templates, notices } = await service.list();
    expect(templates.find((t) => t.id === 'bureau-2025')).toMatchObject({ source: 'team', name: '局统一模板' });
    expect(notices).toHaveLength(2);
    expect(notices.join('\n')).toMatch(/“broken.json”已损坏/);
    expect(notices.join('\n')).toMatch(/“wrong.json”的内容不符合模板格式/);
    expect((await service.read('bureau-2025')).source).toBe('team');
  });

  it('copes with a team folder that vanished: built-ins and own templates still list, with a notice', async () => {
    const { root, settings, service } = library();
    await service.save(own('mine-1', '我的'));
    settings.team = join(root, 'network-drive', '模板');
    const { templates, notices } = await service.list();
    expect(templates.map((t) => t.id)).toEqual(['county-government', 'department', 'township', 'mine-1']);
    expect(notices).toEqual([expect.stringMatching(/团队模板文件夹“.*”当前无法访问/)]);
    await expect(service.save(own('pub', '发布', 'team'))).rejects.toMatchObject({ code: 'template-team-offline' });
    await expect(service.read('team-only')).rejects.toMatchObject({ code: 'template-missing', message: expect.stringMatching(/当前无法访问/) });
  });

  it('refuses a named pipe in the team folder at once, with its reason, and still lists the others', async () => {
    const { root } = library();
    const team = join(root, 'hung-share');
    mkdirSync(team);
    // A FIFO never answers a read until someone writes to it: it is refused before it is opened, so nothing waits.
    const fifo = join(team, 'waiting.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const service = new TemplateService({ builtinDir, userDir: join(root, 'mine'), teamDir: () => team, teamTimeoutMs: 300 });
    const { templates, notices } = await service.list();
    expect(templates.map((t) => t.source)).toEqual(['builtin', 'builtin', 'builtin']);
    expect(notices).toEqual([expect.stringMatching(/不是普通文件/)]);
    expect(notices.join('')).not.toMatch(/长时间没有响应|网络/);
  });

  it('publishes to the team folder, and says so clearly where the share is read-only', async () => {
    const { root, settings, service } = library();
    const team = join(root, 'team');
    mkdirSync(team);
    settings.team = team;
    expect(await service.save(own('pub', '发布', 'team'))).toMatchObject({ source: 'team' });
    expect(readdirSync(team)).toEqual(['pub.json']);

    // Root ignores file modes: a read-only bind mount stands in for a share others may only read; where mounting
    // is not allowed, the file layer reports EROFS as such a share would.
    const ro = join(root, 'team-ro');
    mkdirSync(ro);
    const mounted = spawnSync('mount', ['--bind', team, ro]).status === 0 && (mounts.push(ro), spawnSync('mount', ['-o', 'remount,ro,bind', ro]).status === 0);
    const erofs: WriterFs = { ...realFs, open: async () => Promise.reject(Object.assign(new Error('EROFS'), { code: 'EROFS' })) };
    const readOnly = new TemplateService({ builtinDir, userDir: join(root, 'mine'), teamDir: () => (mounted ? ro : team), writerFs: mounted ? undefined : erofs });
    await expect(readOnly.save(own('pub2', '再发布', 'team'))).rejects.toMatchObject({ code: 'template-team-read-only', message: expect.stringMatching(/没有权限向团队模板文件夹/) });
    expect((await readOnly.list()).templates.find((t) => t.id === 'pub')).toMatchObject({ source: 'team' });
    expect(readdirSync(team)).toEqual(['pub.json']);
  });
});
