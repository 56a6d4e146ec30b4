// Export from the app (main/services/exportFile.ts): the folder proposed, the last export folder remembered,
// 在文件夹中显示 by an opaque id, and the Chinese message when the disk refuses (read-only folder, disk full, the file
// open in Word on Windows), with nothing written and the report untouched.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../shared/ipc/contract';
import { realFs, type WriterFs } from '../../main/services/atomicWrite';
import type { Dialogs, Shell } from '../../main/services/context';
import { ExportService } from '../../main/services/exportFile';
import { createJsonFileBackend, SettingsService } from '../../main/services/settings';
import { featureDoc } from './helpers/docxDocs';
import { tempDir } from '../support/tempDir';

let work: string;
beforeEach(() => {
  work = tempDir('export-service');
});

function setup(answers: (string | null)[], options: { reportPath?: string; fs?: WriterFs; platform?: NodeJS.Platform } = {}) {
  const asked: { defaultName: string; defaultFolder?: string }[] = [];
  const dialogs: Dialogs = {
    openFile: async () => null,
    openFolder: async () => null,
    saveFile: async (o) => {
      asked.push({ defaultName: o.defaultName, defaultFolder: o.defaultFolder });
      return answers.shift() ?? null;
    },
  };
  const shown: string[] = [];
  const shell: Shell = { showItemInFolder: (p) => void shown.push(p), printWindow: async () => true };
  const settings = new SettingsService(createJsonFileBackend(join(work, 'config.json')));
  const service = new ExportService({
    dialogs, settings, shell, fs: options.fs, platform: options.platform,
    pathOf: (handle) => (handle === 'h1' ? options.reportPath ?? null : null),
  });
  return { service, asked, shown, settings };
}

const failing = (op: 'open' | 'rename', code: string): WriterFs => ({
  ...realFs,
  [op]: async () => {
    throw Object.assign(new Error(code), { code });
  },
});

describe('export from the app', () => {
  it("proposes the title in the report's folder, then remembers the export folder for a report without one", async () => {
    const out = join(work, 'out');
    const { service, asked, settings } = setup([join(out, '年报'), join(work, '第二份.docx')], { reportPath: join(work, 'reports', '年报.fzbg') });
    mkdirSync(out);
    const r = await service.exportDocument(featureDoc(), 'h1');
    expect(r).toMatchObject({ status: 'exported', fileName: '年报.docx' });
    expect(asked[0]).toEqual({ defaultName: '某某市市场监督管理局关于2024年度法治政府建设情况的报告.docx', defaultFolder: join(work, 'reports') });
    expect(settings.snapshot().exportFolder).toBe(out);
    await service.exportDocument(featureDoc(), null);
    expect(asked[1]!.defaultFolder).toBe(out);
  });

  it('shows the exported file in its folder by id, never by a path from the renderer', async () => {
    const { service, shown } = setup([join(work, '报告.docx')]);
    const r = await service.exportDocument(featureDoc(), null);
    if (r.status !== 'exported') throw new Error('not exported');
    expect(r.exportId).toMatch(/^[0-9a-f]{24}$/);
    service.showInFolder(r.exportId);
    expect(shown).toEqual([join(work, '报告.docx')]);
    expect(() => service.showInFolder('0'.repeat(24))).toThrow(UserFacingError);
  });

  it('does nothing when the dialog is cancelled', async () => {
    const { service } = setup([null]);
    expect(await service.exportDocument(featureDoc(), null)).toEqual({ status: 'cancelled' });
    expect(readdirSync(work)).toEqual([]);
  });

  it.each([
    ['a read-only folder (EACCES)', failing('open', 'EACCES'), 'linux', 'export-read-only', /只读的或没有写入权限/],
    ['a read-only folder (EROFS)', failing('open', 'EROFS'), 'linux', 'export-read-only', /只读的或没有写入权限/],
    ['a full disk (ENOSPC)', failing('open', 'ENOSPC'), 'linux', 'export-disk-full', /磁盘空间不足/],
    ['the file open in Word on Windows (EPERM on rename)', failing('rename', 'EPERM'), 'win32', 'export-busy', /正在 Word 或其他程序中打开/],
    ['the file locked on Windows (EBUSY on rename)', failing('rename', 'EBUSY'), 'win32', 'export-busy', /正在 Word 或其他程序中打开/],
  ] as const)('refuses %s with a Chinese message and writes nothing', async (_what, fs, platform, code, message) => {
    const target = join(work, '报告.docx');
    const { service } = setup([target], { fs, platform });
    const error = await service.exportDocument(featureDoc(), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).code).toBe(code);
    expect((error as UserFacingError).message).toMatch(message);
    expect((error as UserFacingError).message).toMatch(/^无法导出“报告\.docx”：.*报告本身未受影响，仍在窗口中打开/);
    expect((error as UserFacingError).message).not.toMatch(/E[A-Z]{3,}/);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 10_000);
});
