// 导入 through the contract method: main asks for the file in a native dialog, reads it into a new document and
// returns the importer's notes; a cancelled dialog or a bad file changes nothing.
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/ipc/handlers';
import type { AppContext, FileFilter } from '../../main/services/context';
import { UserFacingError } from '../../shared/ipc/contract';
import { ReportDocument } from '../../shared/model/schema';
import { tempDir } from '../support/tempDir';

const root = tempDir('import');

function setup(answer: string | null) {
  const asked: { title: string; filters: FileFilter[] }[] = [];
  const ctx: AppContext = {
    dataDir: join(root, 'data'), templatesDir: join(__dirname, '../../templates'), appName: 't', appVersion: '0', platform: 'linux',
    dialogs: {
      openFile: async (options) => (asked.push(options), answer),
      saveFile: async () => null,
      openFolder: async () => null,
    },
    window: { setTitle: () => undefined, setDirty: () => undefined, closeConfirmed: () => undefined },
  };
  return { asked, handlers: createHandlers(ctx) };
}

describe('importFile', () => {
  it('imports the chosen web-page text into a valid new document with notes', async () => {
    const path = join(root, '阳江2024.txt');
    copyFileSync(join(__dirname, '../../../shared/fixtures/reports/yangjiang-2024-webpage.txt'), path);
    const before = statSync(path).mtimeMs;
    const { asked, handlers } = setup(path);
    const result = await handlers.importFile();
    expect(asked[0]!.filters[0]!.extensions).toEqual(['txt', 'docx']);
    expect(result.status).toBe('imported');
    if (result.status !== 'imported') return;
    expect(result.fileName).toBe('阳江2024.txt');
    expect(result.doc.meta.title).toBe('阳江市政务服务和数据管理局2024年法治政府建设年度报告');
    expect(() => ReportDocument.parse(result.doc)).not.toThrow();
    expect(result.notes.some((n) => n.message.includes('非正文内容'))).toBe(true);
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('says each slip in the source’s heading markers once, in the checker’s words', async () => {
    const path = join(root, '枫林.txt');
    copyFileSync(join(__dirname, '../fixtures/import/run-in.txt'), path);
    const result = await setup(path).handlers.importFile();
    if (result.status !== 'imported') throw new Error(result.status);
    const gap = result.notes.filter((n) => n.message.includes('（三）'));
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^原文序号“（三）”不连续.*应为“（二）”/) });
    expect(result.notes.filter((n) => n.message.includes('“1、”'))).toHaveLength(1);
  });

  it('returns cancelled when the user closes the dialog', async () => {
    const { handlers } = setup(null);
    expect(await handlers.importFile()).toEqual({ status: 'cancelled' });
  });

  it('gives a Chinese error for a file it cannot read, leaving it as it was', async () => {
    const path = join(root, 'bad.txt');
    writeFileSync(path, Buffer.from([0, 1, 2, 3, 0, 0]));
    const { handlers } = setup(path);
    const error = await handlers.importFile().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as UserFacingError).message).toContain('不是文本文件');
    expect(readFileSync(path)).toEqual(Buffer.from([0, 1, 2, 3, 0, 0]));
  });
});
