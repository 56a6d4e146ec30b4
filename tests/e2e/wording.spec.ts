// Wording and dates in Chromium against the real services: a confusable word and a leader's title are listed with
// their fix and fixed in one click; a date taken from a web page's 发布时间 is named as such and judged against the
// publication deadline, and once the officer enters the 成文日期 it is judged as one.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importText } from '../../shared/import/text';
import { serializeDocument } from '../../shared/model/format';
import { test, expect } from './harness';

const PAGE = [
  '松川县司法局关于2024年度法治政府建设情况的报告',
  '发布时间：2025-04-10',
  '一、2024年推进法治政府建设的主要举措和成效',
  '全年办理行政复议案件23件，认真的落实重大执法决定法制审核制度，深入学习习总书记重要讲话精神。',
  '二、存在的不足和原应',
  '一是执法力量不足，原因是编制紧张。',
  '三、2025年推进法治政府建设的主要安排',
  '继续推进执法规范化建设，计划开展案卷评查2次。',
].join('\n');

test('confusable words and a leader\'s title are fixed in one click; a web page\'s 发布时间 is judged as one', async ({ app }) => {
  const { page } = app;
  const { doc } = importText(PAGE, { id: 'wording' });
  expect(doc.meta.dateSource).toBe('published');
  const path = join(app.workDir, '松川.fzbg');
  writeFileSync(path, serializeDocument(doc));
  app.dialogs.opens.push(path);
  await page.getByRole('button', { name: '打开…' }).click();
  await expect(page.locator('.doc-body')).toBeVisible();

  // 认真的落实 → 认真地落实 (法制审核 is right and not listed); 习总书记 → 习近平总书记; the heading's 原应 → 原因.
  const confusable = page.locator('.finding[data-rule="form.confusable"]');
  await expect(confusable).toHaveCount(1);
  await expect(confusable).toContainText('认真地落实');
  const leader = page.locator('.finding[data-rule="form.leader"]');
  await expect(leader).toContainText('习近平总书记');
  await expect(page.locator('.finding[data-rule="form.heading"]')).toContainText('原因');

  // The page's 发布时间 is no 成文日期: an info says so, and the publication deadline (1 April) is checked.
  await expect(page.locator('.finding[data-rule="date.deadline"]')).toContainText('取自网页的发布时间');
  await expect(page.locator('.finding[data-rule="date.publication"]')).toContainText('晚于公开期限');
  await app.screenshot('wording-findings');

  await confusable.getByRole('button', { name: /^修正/ }).click();
  await expect(page.locator('.doc-body')).toContainText('认真地落实重大执法决定法制审核制度');
  await leader.getByRole('button', { name: /^修正/ }).click();
  await expect(page.locator('.doc-body')).toContainText('深入学习习近平总书记重要讲话精神');
  await expect(page.locator('.finding[data-rule="form.confusable"], .finding[data-rule="form.leader"]')).toHaveCount(0);

  // The officer enters the 成文日期 under the signature: from then on it is judged against the reporting deadline.
  await page.getByRole('button', { name: '成文日期', exact: true }).click();
  const group = page.getByRole('group', { name: '成文日期', exact: true });
  await group.getByRole('textbox', { name: '年' }).fill('2025');
  await group.getByRole('textbox', { name: '月' }).fill('3');
  await group.getByRole('textbox', { name: '日' }).fill('20');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '成文日期', exact: true })).toHaveText('2025年3月20日');
  await expect(page.locator('.finding[data-rule="date.publication"]')).toHaveCount(0);
  await expect(page.locator('.finding[data-rule="date.deadline"]')).toContainText('晚于报送期限');
});
