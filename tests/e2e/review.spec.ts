// The review loop in Chromium against the real services: 导出审阅稿 from the menu writes a review copy with the
// findings as comments; 导入审阅意见 brings a reviewer's comments and tracked changes into the 审阅 tab, where a change is
// accepted (one undo step), a whole reviewer's are rejected, a comment is replied to and marked 已处理, and all of it
// is saved in the .fzbg.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, serializeDocument } from '../../shared/model/format';
import { draft, returnedFile } from '../unit/helpers/reviewFiles';
import { test, expect, type AppHarness } from './harness';

/** The texts painted by a CSS highlight (renderer/review/reviewMarks.ts). */
function painted(app: AppHarness, name: string): Promise<string[]> {
  return app.page.evaluate(
    (n) =>
      [...(CSS.highlights.get(n) ?? [])].map((r) => {
        const x = document.createRange();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        return x.toString();
      }),
    name,
  );
}

async function openDraft(app: AppHarness): Promise<string> {
  const path = join(app.workDir, '审阅测试.fzbg');
  writeFileSync(path, serializeDocument(draft()));
  app.dialogs.opens.push(path);
  await app.page.getByRole('button', { name: '打开…' }).click();
  await expect(app.page.locator('[data-slate-editor="true"]')).toBeVisible();
  return path;
}

test('导出审阅稿 from the menu writes the review copy with the findings as Word comments', async ({ app }) => {
  await openDraft(app);
  const out = join(app.workDir, '审阅稿.docx');
  app.dialogs.saves.push(out);
  await app.emit('menuCommand', 'exportReview');
  await app.page.getByRole('tab', { name: /审阅/ }).click();
  await expect(app.page.getByRole('status').filter({ hasText: '已导出审阅稿“审阅稿.docx”' })).toBeVisible();
  const bytes = readFileSync(out);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(app.dialogs.asked).toContain('导出审阅稿（检查结果作为 Word 批注）');
});

test('导入审阅意见: items by part; accept one change (undoable), reject a reviewer, reply, mark done, save', async ({ app }) => {
  const path = await openDraft(app);
  const returned = join(app.workDir, '退回.docx');
  writeFileSync(returned, returnedFile());
  app.dialogs.opens.push(returned);
  await app.emit('menuCommand', 'importReview');
  const panel = app.page.getByRole('region', { name: '审阅' });
  await expect(panel.getByRole('status')).toContainText('条未能定位', { timeout: 30_000 });
  await expect(panel.getByRole('heading', { name: '主要举措和成效' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: '未能定位' })).toBeVisible();
  await expect(panel.locator('.review-unplaced')).toContainText('落款用全称。');
  await app.screenshot('review-panel');
  // The tracked changes and comments are painted where they apply: the 3 to delete, the character before the 4 to
  // insert, the paragraph 王五 deletes, the commented text.
  await expect.poll(() => painted(app, 'fzbg-review-delete')).toEqual(expect.arrayContaining(['3', '存在的不足']));
  await expect.poll(() => painted(app, 'fzbg-review-insert')).toEqual(expect.arrayContaining(['3']));
  await expect.poll(() => painted(app, 'fzbg-review-comment')).toContain('执法队伍专业化水平有待提高。');

  // Accept the insertion of 4 after deleting 3: the text changes; undo brings it back in one step.
  const editor = app.page.locator('[data-slate-editor="true"]');
  await panel.locator('.review-item', { hasText: '删除“3”' }).getByRole('button', { name: '接受' }).click();
  await panel.locator('.review-item', { hasText: '插入“4”' }).getByRole('button', { name: '接受' }).click();
  await expect(editor).toContainText('组织执法人员培训4次');
  const insert4 = panel.locator('.review-item', { hasText: '插入“4”' });
  await expect(insert4).toHaveCount(0);
  // The tracked changes are painted where they apply: the insertion point is in the 插入 highlight.
  await app.emit('menuCommand', 'undo');
  await expect(editor).toContainText('组织执法人员培训次');
  // The item comes back to the list with its text (one undo step for both).
  await expect(insert4).toHaveCount(1);
  await expect(panel.locator('.review-item', { hasText: '删除“3”' })).toHaveCount(0);
  await app.emit('menuCommand', 'redo');
  await expect(editor).toContainText('组织执法人员培训4次');
  await expect(insert4).toHaveCount(0);

  // Reject all of 王五's changes: the deleted paragraph stays, the added one is not added.
  await panel.getByRole('button', { name: '拒绝 王五 的全部修订' }).click();
  await expect(panel.locator('.review-item', { hasText: '下一步将加强' })).toHaveCount(0);
  await expect(editor).toContainText('存在的不足');
  // 拒绝 leaves the text as it is, yet it is still one undo step: 撤销 brings 王五's changes back to the list.
  await app.emit('menuCommand', 'undo');
  await expect(panel.locator('.review-item', { hasText: '下一步将加强' })).toHaveCount(1);
  await expect(editor).toContainText('组织执法人员培训4次');
  await app.emit('menuCommand', 'redo');
  await expect(panel.locator('.review-item', { hasText: '下一步将加强' })).toHaveCount(0);

  // Click jumps to the comment's text; reply; mark the other comment done.
  const comment = panel.locator('.review-item', { hasText: '表述过于笼统。' });
  await comment.locator('.review-jump').click();
  await expect.poll(() => app.page.evaluate(() => window.getSelection()?.toString())).toBe('执法队伍专业化水平有待提高。');
  await expect.poll(() => painted(app, 'fzbg-review-current')).toEqual(['执法队伍专业化水平有待提高。']);
  await expect(comment).toHaveClass(/review-current/);
  await app.page.evaluate(() => window.getSelection()?.removeAllRanges());
  await app.screenshot('review-highlight');
  await comment.getByRole('button', { name: '回复' }).click();
  await comment.getByRole('textbox', { name: '回复内容' }).fill('已改为具体措施。');
  await comment.getByRole('button', { name: '发送' }).click();
  await expect(comment).toContainText('已改为具体措施。');
  await comment.getByRole('button', { name: '标记已处理' }).click();
  await expect(panel.getByText(/已处理的批注/)).toBeVisible();

  await app.page.keyboard.press('Control+s');
  await expect.poll(() => parseDocument(readFileSync(path, 'utf8')).review?.find((i) => i.text === '表述过于笼统。')?.done).toBe(true);
  const saved = parseDocument(readFileSync(path, 'utf8'));
  expect(saved.review!.find((i) => i.text === '表述过于笼统。')!.replies.map((r) => r.text)).toEqual(['已改为具体措施。']);
  expect(saved.review!.some((i) => i.author === '王五' && (i.kind === 'insert' || i.kind === 'delete'))).toBe(false);
});
