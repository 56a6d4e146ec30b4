// The `outline` and `import` commands run as a child process, as reviewers run them, and loadDocumentFromFile on
// every kind of file, good and bad: a damaged or unknown file gives a Chinese error, exit code 2, and is not touched.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../shared/import/text';
import { UserFacingError } from '../../shared/ipc/contract';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { fileReadError, loadDocumentFromFile } from '../../main/services/loadDocument';
import { JIANGHAI_HEADINGS } from './helpers/fixtureOutlines';
import { tempDir } from '../support/tempDir';

const ROOT = join(__dirname, '../..');
const REPORTS = join(ROOT, '../shared/fixtures/reports');
const JIANGHAI = join(REPORTS, 'jianghai-2025-webpage.txt');
const YANGJIANG = join(REPORTS, 'yangjiang-2024-webpage.txt');
const OWN = join(ROOT, 'tests/fixtures/import');
const work = tempDir('cli');

interface Run { code: number; stdout: string; stderr: string }
function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(join(ROOT, 'node_modules/.bin/tsx'), ['main/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A file's bytes and modification time, to show it was not touched. */
const snapshot = (path: string) => ({ bytes: readFileSync(path), mtime: statSync(path).mtimeMs });

describe('cli: usage and errors', () => {
  it('prints the usage in Chinese without arguments, listing import and outline', async () => {
    const r = await cli();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('用法');
    expect(r.stdout).toMatch(/import <文件\.txt\|\.docx> -o <输出\.fzbg>/);
    expect(r.stdout).toMatch(/outline <文件> \[--json\]/);
  });

  it('exits 2 on an unknown command', async () => {
    const r = await cli('outlines', JIANGHAI);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知命令：outlines');
  });

  it('exits 2 with a Chinese message for a missing file, a folder, an unknown type and a bad option', async () => {
    const runs = await Promise.all([
      cli('outline', join(work, '不存在.txt')),
      cli('outline', work + '/'),
      cli('outline', join(ROOT, 'package.json')),
      cli('outline', JIANGHAI, '--xml'),
      cli('outline'),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[0]!.stderr).toContain('找不到文件“不存在.txt”');
    expect(runs[1]!.stderr).toMatch(/文件夹|不支持的文件类型/);
    expect(runs[2]!.stderr).toContain('不支持的文件类型“.json”');
    expect(runs[3]!.stderr).toContain('未知选项：--xml');
    expect(runs[4]!.stderr).toContain('缺少文件');
    for (const r of runs) expect(r.stdout).toBe('');
  });
});

describe('cli outline', () => {
  it('--json gives the exact outline of the jianghai fixture', async () => {
    const r = await cli('outline', JIANGHAI, '--json');
    expect(r.code).toBe(0);
    const outline = JSON.parse(r.stdout);
    expect(outline).toMatchObject({
      title: '江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告',
      organ: '江海区政务服务和数据管理局',
      year: 2025,
      date: '2025-11-20',
    });
    expect(outline.parts.map((p: { id: string; heading: string }) => [p.id, p.heading])).toEqual([
      ['achievements', '2025年推进法治政府建设的主要举措及成效'],
      ['leadership', '深入践行习近平法治思想,坚持高标准推进法治政府建设'],
      ['shortcomings', '2025年推进法治政府建设存在的不足'],
      ['plans', '2026年度推进法治政府建设的主要安排'],
    ]);
    const top = outline.headings.filter((h: { level: number }) => h.level <= 2).map((h: { level: number; text: string }) => [h.level, h.text]);
    expect(top).toEqual(JIANGHAI_HEADINGS);
    expect(outline.headings).toHaveLength(22);
    expect(outline.headings[0].path).toEqual([1]);
    // No heading keeps its sequence marker.
    for (const h of outline.headings) expect(h.text).not.toMatch(/^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/);
  });

  it('--json gives the outline of the yangjiang fixture with its combined part', async () => {
    const r = await cli('outline', YANGJIANG, '--json');
    expect(r.code).toBe(0);
    const outline = JSON.parse(r.stdout);
    expect([outline.title, outline.organ, outline.year, outline.date]).toEqual([
      '阳江市政务服务和数据管理局2024年法治政府建设年度报告', '阳江市政务服务和数据管理局', 2024, '2025-01-13',
    ]);
    expect(outline.parts.map((p: { id: string; via: string }) => [p.id, p.via])).toEqual([
      ['achievements', 'thematic'], ['leadership', 'runin'], ['achievements', 'thematic'], ['shortcomings', 'paragraph'], ['plans', 'paragraph'],
    ]);
    expect(outline.headings.filter((h: { level: number }) => h.level === 1).map((h: { text: string }) => h.text)).toEqual([
      '坚持以习近平法治思想为统领,牢牢把握法治政府建设的正确方向',
      '建设坚持以人民为中心的数字政府,不断提升法治政府的服务水平',
      '坚持问题导向,靶向发力推动法治政府建设走深走实',
    ]);
  });

  it('prints a readable Chinese outline with the derived markers', async () => {
    const r = await cli('outline', JIANGHAI);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('标题：江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告');
    expect(r.stdout).toContain('成文日期：2025-11-20');
    expect(r.stdout).toContain('法定内容：');
    expect(r.stdout).toContain('✓ 存在的不足和原因：二、2025年推进法治政府建设存在的不足');
    expect(r.stdout).toContain('“一是切实履行法治建设第一责任人职责”');
    expect(r.stdout).toContain('· 其他需要报告的情况（选报）：未找到');
    expect(r.stdout).toMatch(/\n {4}（一）深入践行习近平法治思想/);
    expect(r.stdout).toMatch(/\n {6}1\.深化政府放权改革。/);
    expect(r.stdout).toContain('提示：已去除网页中的非正文内容');
  });
});

describe('cli import', () => {
  it('writes a .fzbg that opens to the same outline, refuses to overwrite without --force, and keeps a backup with it', async () => {
    const out = join(work, '阳江.fzbg');
    const r = await cli('import', YANGJIANG, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已导入“yangjiang-2024-webpage.txt”，保存为“阳江.fzbg”');
    expect(r.stdout).toContain('标题：阳江市政务服务和数据管理局2024年法治政府建设年度报告');
    const doc = parseDocument(readFileSync(out, 'utf8'));
    expect(doc.meta.date).toBe('2025-01-13');
    expect(doc.body.find((b) => b.type === 'heading' && b.parts?.includes('plans'))).toBeDefined();

    const before = snapshot(out);
    const again = await cli('import', JIANGHAI, '-o', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('输出文件已存在');
    expect(snapshot(out)).toEqual(before);

    const outline = await cli('outline', out, '--json');
    expect(outline.code).toBe(0);
    const o = JSON.parse(outline.stdout);
    expect(o.title).toBe('阳江市政务服务和数据管理局2024年法治政府建设年度报告');
    expect(o.parts.map((p: { id: string }) => p.id)).toEqual(['achievements', 'leadership', 'achievements', 'shortcomings', 'plans']);

    const forced = await cli('import', JIANGHAI, '-o', out, '--force');
    expect(forced.code).toBe(0);
    expect(parseDocument(readFileSync(out, 'utf8')).meta.organ).toBe('江海区政务服务和数据管理局');
    expect(readFileSync(out + '.bak')).toEqual(before.bytes);
  });

  it('exits 2 without -o, with a wrong output extension, or for an unreadable input, writing nothing', async () => {
    const runs = await Promise.all([
      cli('import', JIANGHAI),
      cli('import', JIANGHAI, '-o', join(work, 'x.docx')),
      cli('import', join(work, 'missing.txt'), '-o', join(work, 'y.fzbg')),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(runs[0]!.stderr).toContain('缺少输出文件');
    expect(runs[1]!.stderr).toContain('.fzbg');
    expect(runs[2]!.stderr).toContain('找不到文件');
    expect(() => statSync(join(work, 'y.fzbg'))).toThrow();
  });
});

describe('loadDocumentFromFile', () => {
  // A real document: the five-part fixture as imported.
  const good = serializeDocument(importText(readFileSync(join(OWN, 'five-parts.txt'), 'utf8'), { id: 'five' }).doc);

  it('opens a .fzbg as saved', async () => {
    const path = join(work, 'good.fzbg');
    writeFileSync(path, good);
    const { doc, kind, notes } = await loadDocumentFromFile(path);
    expect(kind).toBe('fzbg');
    expect(notes).toEqual([]);
    expect(serializeDocument(doc)).toBe(good);
  });

  it.each([
    ['truncated', (s: string) => s.slice(0, Math.floor(s.length / 2)), /已损坏或不完整/],
    ['newer version', (s: string) => s.replace(/"version": \d+/, '"version": 99'), /更新版本.*格式版本 99/],
    ['not JSON', () => '这不是 JSON', /已损坏或不完整/],
    ['empty', () => '', /文件是空的/],
    ['another JSON file', () => '{"name": "package"}', /不是法治年报助手的报告文件/],
    ['wrong shape', (s: string) => s.replace(/"year": \d+/, '"year": "二〇二四"'), /不符合报告格式（位置：meta\.year）/],
    ['not UTF-8', () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /不是有效的 UTF-8/],
  ])('a %s .fzbg gives a Chinese error and is not touched', async (name, damage, message) => {
    const path = join(work, `bad-${name.replace(/\s/g, '-')}.fzbg`);
    writeFileSync(path, damage(good));
    const before = snapshot(path);
    const error = await loadDocumentFromFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toMatch(message);
    expect((error as UserFacingError).message).toContain(`无法打开“bad-`);
    expect(snapshot(path)).toEqual(before);
  });

  it('reads GB18030 (GBK) text as saved by Notepad and says so', async () => {
    const { doc, notes, kind } = await loadDocumentFromFile(join(OWN, 'five-parts-gbk.txt'));
    expect(kind).toBe('txt');
    expect(doc.meta.title).toBe('清溪县司法局关于2024年度法治政府建设情况的报告');
    expect(doc.meta.addressee).toBe('县人民政府');
    const utf8 = await loadDocumentFromFile(join(OWN, 'five-parts.txt'));
    expect({ ...doc, id: '' }).toEqual({ ...utf8.doc, id: '' });
    expect(notes[0]!.message).toContain('GB18030');
  });

  it('passes on the heading markers as the text wrote them, for the checker', async () => {
    const { markers, kind } = await loadDocumentFromFile(join(OWN, 'run-in.txt'));
    expect(kind).toBe('txt');
    expect(markers!.map((m) => m.written)).toEqual(['一、', '（一）', '（三）', '1、', '2.', '（1）', '（2）', '二、', '三、', '（一）', '（二）']);
    expect(markers!.filter((m) => m.malformed).map((m) => m.written)).toEqual(['1、']);
  });

  it('reads UTF-16 text with a BOM and UTF-8 with a BOM', async () => {
    const text = readFileSync(JIANGHAI, 'utf8');
    const utf16 = join(work, 'utf16.txt');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const bom8 = join(work, 'bom8.txt');
    writeFileSync(bom8, '\ufeff' + text);
    const a = await loadDocumentFromFile(utf16);
    const b = await loadDocumentFromFile(bom8);
    expect(a.doc.meta.title).toBe('江海区政务服务和数据管理局关于2025年度法治政府建设情况的报告');
    expect({ ...a.doc, id: '' }).toEqual({ ...b.doc, id: '' });
  });

  it('says in Chinese why a file could not be read (permissions cannot be tested as root, so by error code)', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(fileReadError(err('EACCES'), 'a.txt')).toMatchObject({ code: 'open-denied', message: '没有权限读取文件“a.txt”。' });
    expect(fileReadError(err('EPERM'), 'a.txt').code).toBe('open-denied');
    expect(fileReadError(err('ENOENT'), 'a.txt').message).toBe('找不到文件“a.txt”，请检查路径是否正确。');
    expect(fileReadError(err('EISDIR'), 'a.txt').message).toBe('“a.txt”是文件夹，不是文件。');
    expect(fileReadError(err('EIO'), 'a.txt').message).toBe('无法读取文件“a.txt”（EIO）。');
  });

  it('refuses empty, binary and unsupported files with a Chinese message', async () => {
    const empty = join(work, 'empty.txt');
    writeFileSync(empty, '  \r\n');
    const binary = join(work, 'renamed.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00]));
    const old = join(work, 'old.doc');
    writeFileSync(old, 'x');
    const dir = join(work, 'folder.txt');
    mkdirSync(dir);
    const messages = await Promise.all([empty, binary, old, dir, join(work, 'none.fzbg')].map((p) => loadDocumentFromFile(p).then(() => '', (e: Error) => e.message)));
    expect(messages[0]).toContain('是空的');
    expect(messages[1]).toContain('不是文本文件');
    expect(messages[2]).toMatch(/旧版.*另存为.*\.docx/);
    expect(messages[3]).toContain('是文件夹');
    expect(messages[4]).toContain('找不到文件“none.fzbg”');
  });
});
