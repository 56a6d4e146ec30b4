// The popover over a finding's mark in Chromium against the real services: the pointer resting on a mark of an imported
// real report and of a fresh template, 修正 / 忽略… / 在列表中查看 from it, Alt+Enter on the caret's finding, F8 / Shift+F8
// through the findings with the wrap, and typing while it is open (the editor keeps the focus and every character).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { importText } from '../../shared/import/text';
import { serializeDocument } from '../../shared/model/format';
import { test, expect, REPO, type AppHarness } from './harness';
import { blockText, bodyBlocks } from './report';

const FIXTURES = join(REPO, '..', 'shared', 'fixtures', 'reports');

const popover = (page: Page) => page.getByRole('dialog', { name: '检查结果说明' });
const selected = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/** The centre of character `at` of the first occurrence of `text` in `scope` (where the pointer rests). */
const charCentre = (scope: Locator, text: string, at = 0) =>
  scope.evaluate(
    (el, { text, at }) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(text);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i + at);
        range.setEnd(n, i + at + 1);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, top: r.top, bottom: r.bottom };
      }
      throw new Error(`no ${text}`);
    },
    { text, at },
  );

/** Scrolls `text` of `scope` into the middle of the page when it is out of view (its marks are painted a frame later). */
async function scrollTo(page: Page, scope: Locator, text: string) {
  await scope.evaluate((el, text) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + text.length);
      const scroller = document.querySelector<HTMLElement>('.page-scroll')!;
      const view = scroller.getBoundingClientRect();
      const at = range.getBoundingClientRect();
      if (at.top < view.top || at.bottom > view.bottom) scroller.scrollTop += at.top - (view.top + view.height / 2);
      return;
    }
  }, text);
  await page.waitForTimeout(100);
}

/** A click on character `at` of `text`: the caret goes there. */
async function clickOn(page: Page, scope: Locator, text: string, at: number) {
  await scrollTo(page, scope, text);
  const p = await charCentre(scope, text, at);
  await page.mouse.click(p.x, p.y);
}

async function restOn(page: Page, scope: Locator, text: string, at = 0) {
  await scrollTo(page, scope, text);
  const p = await charCentre(scope, text, at);
  await page.mouse.move(p.x - 3, p.y);
  await page.mouse.move(p.x, p.y);
  await expect(popover(page)).toBeVisible();
  return p;
}

/** The popover lies wholly inside the window. */
async function expectInsideWindow(page: Page) {
  const box = (await popover(page).boundingBox())!;
  const { w, h } = await page.evaluate(() => ({ w: window.innerWidth, h: window.innerHeight }));
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(w);
  expect(box.y + box.height).toBeLessThanOrEqual(h);
}

/** One of the two real reports, imported as its text and opened as a saved report. */
async function openFixture(app: AppHarness, name: 'jianghai-2025-webpage.txt' | 'yangjiang-2024-webpage.txt') {
  const { doc } = importText(readFileSync(join(FIXTURES, name), 'utf8'), { id: name });
  const path = join(app.workDir, `${name}.fzbg`);
  writeFileSync(path, serializeDocument(doc));
  app.dialogs.opens.push(path);
  await app.page.getByRole('button', { name: '打开…' }).click();
  await expect(app.page.locator('.finding').first()).toBeVisible();
}

async function openJianghai(app: AppHarness) {
  await openFixture(app, 'jianghai-2025-webpage.txt');
  await expect(app.page.locator('.finding[data-rule="punct.doubled"]')).toHaveCount(1);
}

async function newFromTemplate(page: Page) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await dialog.getByLabel('政府部门').check();
  await dialog.getByLabel('机关名称').fill('江海区司法局');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.finding[data-rule="fig.placeholder"]').first()).toBeVisible();
}

test('on an imported report: resting on a mark shows its finding, 修正 fixes it, 在列表中查看 finds it in the panel', async ({ app }) => {
  const { page } = app;
  await openJianghai(app);
  // The caret in the body: the popover must not take it.
  await bodyBlocks(page).nth(1).click();
  await expect(page.locator('.doc-body')).toBeFocused();

  // The year range in the opening paragraph.
  await restOn(page, bodyBlocks(page).nth(0), '2021-2025', 4);
  await expect(popover(page)).toContainText('一字线');
  await expect(popover(page).locator('.suggested')).toHaveText('2021—2025');
  await expect(page.locator('.doc-body')).toBeFocused();
  await expectInsideWindow(page);
  await app.screenshot('popover-imported-range');
  await popover(page).getByRole('button', { name: '修正' }).click();
  await expect(popover(page)).toHaveCount(0);
  await expect.poll(() => blockText(page, 0)).toContain('2021—2025');
  expect(await blockText(page, 0)).not.toContain('2021-2025');
  await expect(page.locator('.doc-body')).toBeFocused();
  await expect(page.locator('.finding[data-rule="punct.range"]')).toHaveCount(0);

  // A paragraph-long half-width fix shows the marks it swaps, not the paragraph.
  await page.mouse.move(5, 5);
  await expect(popover(page)).toHaveCount(0);
  await restOn(page, bodyBlocks(page).nth(0), ',');
  await expect(popover(page)).toContainText('本段有11处半角标点');
  await expect(popover(page).locator('.swap')).toHaveText([',（半角逗号）→，（全角逗号）', '(（半角左括号）→（（全角左括号）', ')（半角右括号）→）（全角右括号）', ':（半角冒号）→：（全角冒号）']);
  await app.screenshot('popover-imported-swaps');

  // Two findings on one place (the doubled comma is also half-width): both, each with its own actions.
  await page.mouse.move(5, 5);
  await expect(popover(page)).toHaveCount(0);
  await restOn(page, bodyBlocks(page).nth(3), ',,');
  await expect(popover(page).locator('.popover-finding')).toHaveCount(2);
  await expect(popover(page)).toContainText('半角标点');
  await expect(popover(page)).toContainText('重复');
  await expectInsideWindow(page);
  await app.screenshot('popover-imported-two-findings');
  await popover(page).locator('.popover-finding', { hasText: '重复' }).getByRole('button', { name: '在列表中查看' }).click();
  await expect(popover(page)).toHaveCount(0);
  const listed = page.locator('.finding.listed');
  await expect(listed).toHaveCount(1);
  await expect(listed).toHaveAttribute('data-rule', 'punct.doubled');
  await expect(listed.locator('.finding-main')).toBeFocused();
  await expect(listed).toBeInViewport();
  await app.screenshot('popover-listed-in-panel');
});

test('near the bottom of the window the popover opens above the mark, inside the window', async ({ app }) => {
  const { page } = app;
  await openJianghai(app);
  // Scroll the doubled comma to the last line of the page's view.
  await page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.page-scroll')!;
    const walker = document.createTreeWalker(document.querySelector('.doc-body')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(',,');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const view = scroller.getBoundingClientRect();
      scroller.scrollTop += range.getBoundingClientRect().bottom - view.bottom + 12;
      return;
    }
  });
  await page.waitForTimeout(100); // the unit scrolled into view is painted a frame later
  const mark = await restOn(page, bodyBlocks(page).nth(3), ',,');
  const box = (await popover(page).boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(mark.top);
  await expectInsideWindow(page);
  await app.screenshot('popover-above-mark');
  // It goes with the page when the page scrolls.
  await page.mouse.wheel(0, 200);
  await expect(popover(page)).toHaveCount(0);
});

test('F8 / Shift+F8 select the next and previous finding in document order and show it, wrapping with a notice', async ({ app }) => {
  const { page } = app;
  await openJianghai(app);
  await bodyBlocks(page).nth(0).click();
  await page.keyboard.press('Control+Home');

  await page.keyboard.press('F8');
  await expect(popover(page)).toContainText('半角标点');
  expect(await selected(page)).toMatch(/^,江海区政务和数据局坚持/);
  await page.keyboard.press('F8');
  await expect(popover(page)).toContainText('简称');
  expect(await selected(page)).toBe('江海区政务和数据局');
  await expectInsideWindow(page);
  await app.screenshot('popover-f8');
  await page.keyboard.press('F8');
  await expect.poll(() => selected(page)).toBe('2021-2025');
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => selected(page)).toBe('江海区政务和数据局');
  await page.keyboard.press('Shift+F8');
  await expect.poll(() => selected(page)).toMatch(/^,江海区/);
  await expect(page.locator('.editor-notice')).toHaveCount(0);

  // Before the first: on from the last, with a notice; past the last: on from the first.
  await page.keyboard.press('Shift+F8');
  await expect(page.locator('.editor-notice')).toContainText('已到第一处检查结果，从文末继续');
  await expect.poll(() => selected(page)).toMatch(/^,落实数据分类分级管理/);
  await expect(popover(page)).toContainText('半角标点');
  await expect(popover(page)).toBeInViewport();
  await expectInsideWindow(page);
  await page.keyboard.press('F8');
  await expect(page.locator('.editor-notice')).toContainText('已到最后一处检查结果，从文首继续');
  await expect.poll(() => selected(page)).toMatch(/^,江海区/);

  // From the panel too (F8 works anywhere in the window): the next finding after the caret.
  await page.locator('.finding[data-rule="punct.doubled"] .finding-main').click();
  await page.locator('.finding[data-rule="punct.doubled"] .finding-main').focus();
  await page.keyboard.press('F8');
  await expect(page.locator('.doc-body')).toBeFocused();
  await expect(popover(page)).toContainText('半角标点');
  expect(await selected(page)).toBe(',');

  // Escape closes it and leaves the caret in the text.
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect(page.locator('.doc-body')).toBeFocused();
});

test('typing while the popover is open keeps the focus and every character in the text', async ({ app }) => {
  const { page } = app;
  await openJianghai(app);
  const before = await blockText(page, 1);
  await bodyBlocks(page).nth(1).click();
  await page.keyboard.press('End');
  // Opened by the pointer resting on a mark elsewhere: the caret stays put and takes the typing.
  await restOn(page, bodyBlocks(page).nth(2), ',');
  await expect(page.locator('.doc-body')).toBeFocused();
  await page.keyboard.type('abc');
  await page.keyboard.insertText('甲乙');
  await expect.poll(() => blockText(page, 1)).toBe(before + 'abc甲乙');
  await expect(page.locator('.doc-body')).toBeFocused();
  await expect(popover(page)).toHaveCount(0);
  // The pointer still on the mark does not bring it back while the text moves under it; a move does.
  await page.keyboard.insertText('丁');
  await page.waitForTimeout(800);
  await expect(popover(page)).toHaveCount(0);
  await restOn(page, bodyBlocks(page).nth(2), ',');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect.poll(() => blockText(page, 1)).toBe(before + 'abc甲乙丁');

  // Opened by F8: the caret moves off the selection and typing goes on in the text.
  await page.keyboard.press('F8');
  await expect(popover(page)).toBeVisible();
  const at = await selected(page);
  const unit = await page.evaluate(() => {
    const n = window.getSelection()!.anchorNode!;
    const el = (n instanceof Element ? n : n.parentElement)!.closest('.doc-body > [data-slate-node="element"]')!;
    return [...el.parentElement!.children].indexOf(el);
  });
  const text = await blockText(page, unit);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText('丙');
  await expect(page.locator('.doc-body')).toBeFocused();
  await expect(popover(page)).toHaveCount(0);
  await expect.poll(() => blockText(page, unit)).toBe(text.replace(at, at + '丙'));
});

test('on the second imported report: 修正 removes a doubled character and one undo brings it back; F8 goes on from the caret', async ({ app }) => {
  const { page } = app;
  await openFixture(app, 'yangjiang-2024-webpage.txt');
  const para = bodyBlocks(page).filter({ hasText: '赴赴' });
  await restOn(page, para, '赴赴', 1);
  await expect(popover(page)).toContainText('“赴”字重复');
  await expect(popover(page).locator('.suggested')).toHaveText('赴');
  await app.screenshot('popover-yangjiang-doubled');
  await popover(page).getByRole('button', { name: '修正' }).click();
  const fixed = bodyBlocks(page).filter({ hasText: '单位赴广州市' });
  await expect(fixed).toHaveCount(1);
  await expect(bodyBlocks(page).filter({ hasText: '赴赴' })).toHaveCount(0);
  await expect(page.locator('.doc-body')).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(bodyBlocks(page).filter({ hasText: '赴赴' })).toHaveCount(1);

  // The caret inside the doubled 政务网络: F8 goes to the next finding after it (the next paragraph's one half-width
  // comma), Shift+F8 back over it.
  const network = bodyBlocks(page).filter({ hasText: '政务网络政务网络' });
  await clickOn(page, network, '政务网络政务网络', 2);
  await page.keyboard.press('F8');
  await expect(popover(page)).toContainText('本段有1处半角标点');
  expect(await selected(page)).toBe(',');
  await page.keyboard.press('Shift+F8');
  await expect(popover(page)).toContainText('“政务网络”重复出现');
  await expect.poll(() => selected(page)).toBe('政务网络政务网络');
  await page.keyboard.press('Shift+F8');
  await expect(popover(page)).toContainText('本段有32处半角标点');
  await expectInsideWindow(page);
});

test('on a fresh template: a placeholder is ignored with a reason from its popover; Alt+Enter opens the caret\'s finding', async ({ app }) => {
  const { page } = app;
  await newFromTemplate(page);
  const para = bodyBlocks(page).nth(3);
  await expect(para).toContainText('【××项】');
  await bodyBlocks(page).nth(0).click();
  await restOn(page, para, '【××项】', 2);
  await expect(popover(page)).toContainText('占位符“【××项】”尚未填写');
  await expect(popover(page).getByRole('button', { name: '修正' })).toHaveCount(0);
  await app.screenshot('popover-template-placeholder');
  await popover(page).getByRole('button', { name: '忽略…' }).click();
  const reason = popover(page).getByLabel('忽略原因（将记入文档）');
  await expect(reason).toBeFocused();
  // The pointer may leave while the reason is typed: the popover stays.
  await page.mouse.move(5, 5);
  await reason.fill('权责清单调整事项数待统计后填写');
  await page.waitForTimeout(500);
  await expect(popover(page)).toBeVisible();
  await popover(page).getByRole('button', { name: '确定忽略' }).click();
  await expect(popover(page)).toHaveCount(0);
  await expect(page.locator('.doc-body')).toBeFocused();
  await expect(page.locator('.findings-panel .panel-summary')).toContainText('已忽略 1 处');
  await expect(page.locator('.finding[data-rule="fig.placeholder"]', { hasText: '【××项】' })).toHaveCount(0);

  // The writing hint before it has a fix (delete the hint): Alt+Enter with the caret in it; the focus goes into the
  // popover, Tab cycles its buttons, Escape gives the caret back where it was.
  await clickOn(page, para, '（写权责', 1);
  await page.keyboard.press('Alt+Enter');
  await expect(popover(page)).toContainText('写作提示');
  await expect(popover(page)).toContainText('建议删除');
  const fix = popover(page).getByRole('button', { name: '修正' });
  await expect(fix).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(popover(page).getByRole('button', { name: '忽略…' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(fix).toBeFocused();
  await expectInsideWindow(page);
  await app.screenshot('popover-alt-enter');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);
  await expect(page.locator('.doc-body')).toBeFocused();

  // Alt+Enter where there is no finding says so and inserts nothing.
  const count = await bodyBlocks(page).count();
  await clickOn(page, bodyBlocks(page).nth(0), '江海区司法局坚持', 2);
  await page.keyboard.press('Alt+Enter');
  await expect(page.locator('.editor-notice')).toContainText('光标处没有检查结果');
  await expect(bodyBlocks(page)).toHaveCount(count);

  // And from the keyboard the fix: Alt+Enter, Enter on 修正 removes the hint.
  await clickOn(page, para, '（写权责', 1);
  await page.keyboard.press('Alt+Enter');
  await expect(fix).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(popover(page)).toHaveCount(0);
  await expect.poll(() => blockText(page, 3)).toMatch(/^动态调整权责清单事项/);
  await expect(page.locator('.doc-body')).toBeFocused();
});
