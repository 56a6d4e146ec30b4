// The drafting editor in Chromium against the real services: new report from a template, typing (with IME
// composition), live findings and fixes, moving parts with live renumbering, structured paste, undo, find/replace.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, REPO } from './harness';
import { blockText } from './report';
import { importText } from '../../shared/import/text';
import { parseDocument, serializeDocument } from '../../shared/model/format';

const JIANGHAI = join(REPO, '..', 'shared', 'fixtures', 'reports', 'jianghai-2025-webpage.txt');

async function newReport(page: Page, opts: { template: string; organ?: string; year?: number; screenshot?: () => Promise<unknown> }) {
  await page.getByRole('button', { name: '新建报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建报告' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(opts.template).check();
  if (opts.organ !== undefined) await dialog.getByLabel('机关名称').fill(opts.organ);
  if (opts.year !== undefined) await dialog.getByLabel('报告年度').fill(String(opts.year));
  if (opts.organ) await expect(dialog.getByLabel('标题')).toHaveValue(`${opts.organ}关于${opts.year}年度法治政府建设情况的报告`);
  await opts.screenshot?.();
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.doc-body')).toBeVisible();
}

/**
 * The texts marked `name` (fzbg-error, fzbg-placeholder…) in body block `index`, or anywhere in the body, sorted: those
 * painted as highlights (after the caret, in the caret's unit) and those drawn as boxes (everywhere else).
 */
const painted = (page: Page, name: string, index?: number) =>
  page.evaluate(
    ({ name, index }) => {
      const body = document.querySelector('.doc-body')!;
      const scope = index === undefined ? body : body.querySelectorAll(':scope > [data-slate-node="element"]')[index];
      const out: string[] = [];
      CSS.highlights.get(name)?.forEach((r) => {
        if (!scope || !r.startContainer.isConnected || !scope.contains(r.startContainer)) return;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(range.toString());
      });
      const kind = name.replace(/^fzbg-/, '');
      for (const mark of scope?.querySelectorAll<HTMLElement>(`.mk-layer > .mk[data-kind="${kind}"]`) ?? []) out.push(mark.dataset.text!);
      return out.sort();
    },
    { name, index },
  );

/**
 * The marks drawn as boxes in `scope` (the units the caret is not in), each with whether its first line lies on its
 * text: over an occurrence of that line's first character, to the pixel, with the same height.
 */
const boxesOnText = (scope: Locator) =>
  scope.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('.mk-layer > .mk')].map((mark) => {
      const line = mark.firstElementChild as HTMLElement | null;
      if (!line) return { text: mark.dataset.text!, onText: false };
      const box = line.getBoundingClientRect();
      const unit = mark.closest('[data-slate-node="element"]')!;
      const range = document.createRange();
      let onText = false;
      for (const s of unit.querySelectorAll('[data-slate-string]')) {
        const t = s.firstChild;
        if (!(t instanceof Text)) continue;
        for (let i = t.data.indexOf(line.dataset.t![0]!); i >= 0 && !onText; i = t.data.indexOf(line.dataset.t![0]!, i + 1)) {
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const r = range.getClientRects()[0];
          onText = !!r && Math.abs(r.left - box.left) < 0.5 && Math.abs(r.top - box.top) < 0.5 && Math.abs(r.height - box.height) < 0.5;
        }
      }
      return { text: mark.dataset.text!, onText };
    }),
  );

/** The centre of the first `ch` in the text of `scope` (where the pointer goes to show its popover). */
const charCentre = (scope: Locator, ch: string) =>
  scope.evaluate((el, ch) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(ch);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + ch.length);
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }
    throw new Error(`no ${ch}`);
  }, ch);

const headingMarkers = (page: Page) =>
  page.locator('.doc-body .h').evaluateAll((els) => els.map((e) => (e.getAttribute('data-marker') ?? '') + (e.textContent ?? '').replace(/\uFEFF/g, '')));

test('a new report from the department template shows the outline, numbering and placeholders', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025, screenshot: () => app.screenshot('editor-new-report-dialog') });
  // The title shows as it will print: balanced at a word boundary, not wherever the line runs out.
  const title = page.getByLabel('报告标题');
  await expect(title).toHaveValue('江海区司法局关于2025年度\n法治政府建设情况的报告');
  // Editing shows the plain title with the caret where it was put (here after 关于).
  await title.evaluate((el: HTMLTextAreaElement) => {
    const at = el.value.indexOf('关于') + 2;
    el.setSelectionRange(at, at);
    el.focus();
  });
  await expect(title).toHaveValue('江海区司法局关于2025年度法治政府建设情况的报告');
  await page.keyboard.insertText('本局');
  await expect(title).toHaveValue('江海区司法局关于本局2025年度法治政府建设情况的报告');
  await page.keyboard.press('Control+z');
  await expect(title).toHaveValue('江海区司法局关于2025年度法治政府建设情况的报告');
  await page.locator('.doc-body').click();
  await expect(title).toHaveValue('江海区司法局关于2025年度\n法治政府建设情况的报告');
  const markers = await headingMarkers(page);
  expect(markers[0]).toBe('一、2025年推进法治政府建设的主要举措和成效');
  expect(markers[1]).toBe('（一）依法全面履行部门职能');
  await expect.poll(async () => (await painted(page, 'fzbg-placeholder')).length).toBeGreaterThan(5);
  expect(await painted(page, 'fzbg-placeholder')).toContain('【××件】');
  await app.screenshot('editor-new-department');
  // The template's writing guidance, with the report's years filled in, the caret's part first.
  await page.locator('.doc-body .h1').nth(1).click();
  await page.getByRole('tab', { name: '写作提示' }).click();
  const guidance = page.locator('.guidance-panel .guidance').first();
  await expect(guidance).toHaveClass(/current/);
  await expect(guidance.locator('h3')).toHaveText('存在的不足和原因');
  await expect(guidance).toContainText('每条写明原因');
  await expect(page.locator('.guidance-panel')).toContainText('法律顾问审查文件件数');
  await expect(page.locator('.guidance-panel')).not.toContainText('【年份】');
  await page.getByRole('tab', { name: /检查结果/ }).click();
  // The menu's help command opens the shortcut list.
  await app.emit('menuCommand', 'help');
  await expect(page.getByRole('dialog', { name: '快捷键与帮助' })).toBeVisible();
});

/** Puts the caret at the end of body block `index` through the DOM selection, as a click would. */
async function caretAtEnd(page: Page, index: number) {
  await page.locator('.doc-body').click({ position: { x: 5, y: 5 } });
  await page.evaluate((i) => {
    const block = document.querySelectorAll('.doc-body > [data-slate-node="element"]')[i]!;
    const strings = block.querySelectorAll('[data-slate-string], [data-slate-zero-width]');
    const node = strings[strings.length - 1]!.firstChild!;
    const sel = window.getSelection()!;
    sel.collapse(node, node.nodeType === Node.TEXT_NODE && !(node.parentElement?.hasAttribute('data-slate-zero-width')) ? node.textContent!.length : 0);
  }, index);
}


test('typing Chinese (with an IME composition) shows a finding inline and in the panel; one click fixes it', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  const before = await blockText(page, 0);
  await caretAtEnd(page, 0);

  // An IME composition: pinyin first, then the chosen characters are committed.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'quan', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: '全年', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '全年' });
  await page.keyboard.insertText('办理行政复议案件12件,纠错3件。');
  await expect.poll(() => blockText(page, 0)).toBe(before + '全年办理行政复议案件12件,纠错3件。');

  // The half-width comma is underlined in the paragraph (its popover shows over it) and listed in the panel.
  await expect.poll(() => painted(page, 'fzbg-error', 0)).toContain(',');
  // A key typed before it moves the underline with it in the key's own task: a frame callback queued as the key
  // arrives already finds the comma underlined, not the character now where the comma was.
  await caretIn(page, 0, (before + '全年办理行政复议案件12件').length);
  await page.evaluate(() => {
    const w = window as unknown as { atFrame?: string[] };
    const block = document.querySelector('.doc-body > [data-slate-node="element"]')!;
    const record = () => {
      w.atFrame = [];
      CSS.highlights.get('fzbg-error')?.forEach((r) => {
        if (block.contains(r.startContainer)) w.atFrame!.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
      });
    };
    window.addEventListener('beforeinput', () => requestAnimationFrame(record), { capture: true, once: true });
  });
  await page.keyboard.type('多');
  await expect.poll(() => page.evaluate(() => (window as unknown as { atFrame?: string[] }).atFrame)).toContain(',');
  expect(await page.evaluate(() => (window as unknown as { atFrame?: string[] }).atFrame)).not.toContain('多');
  await page.keyboard.press('Backspace');
  await expect.poll(() => blockText(page, 0)).toBe(before + '全年办理行政复议案件12件,纠错3件。');
  const comma = await charCentre(page.locator('.doc-body > [data-slate-node="element"]').first(), ',');
  await page.mouse.move(comma.x, comma.y);
  await expect(page.getByRole('dialog', { name: '检查结果说明' })).toContainText('半角');
  await page.mouse.move(5, 5);
  await expect(page.getByRole('dialog', { name: '检查结果说明' })).toHaveCount(0);
  const item = page.locator('.finding[data-rule="punct.halfwidth"]').first();
  await expect(item).toContainText('半角标点');
  await app.screenshot('editor-finding-inline');

  // Clicking the finding selects its text in the page.
  await item.locator('.finding-main').click();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(',');

  await item.getByRole('button', { name: /^修正/ }).click();
  await expect.poll(() => blockText(page, 0)).toBe(before + '全年办理行政复议案件12件，纠错3件。');
  await expect.poll(() => painted(page, 'fzbg-error', 0)).not.toContain(',');
  await expect(page.locator('.finding[data-rule="punct.halfwidth"]')).toHaveCount(0);

  // Undo brings the comma back; redo fixes it again.
  await page.locator('.doc-body').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(before + '全年办理行政复议案件12件,纠错3件。');
  await page.keyboard.press('Control+y');
  await expect.poll(() => blockText(page, 0)).toBe(before + '全年办理行政复议案件12件，纠错3件。');
});

/** Puts the caret at `offset` of the text of the first leaf matching `selector` in body block `index`. */
async function caretIn(page: Page, index: number, offset: number, selector = '[data-slate-string]') {
  await page.locator('.doc-body').click({ position: { x: 5, y: 5 } });
  await page.evaluate(
    ({ index, offset, selector }) => {
      const block = document.querySelectorAll('.doc-body > [data-slate-node="element"]')[index]!;
      const node = block.querySelector(selector)!.querySelector('[data-slate-string]')?.firstChild ?? block.querySelector(selector)!.firstChild!;
      window.getSelection()!.collapse(node, offset);
    },
    { index, offset, selector },
  );
}

test('typing Chinese key by key: each character lands at the caret, in the page and in the saved file; a hint goes as a unit; undo takes the keys back', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  const before = await blockText(page, 0);
  // One key per character, in the middle of a paragraph, then at its end: the browser inserts each one itself.
  await caretIn(page, 0, 5);
  // The first key may come before slate-react has read the caret set here; from then on the browser inserts each
  // key itself: the paragraph's text node stays the one the caret is in, nothing is re-rendered under it.
  await page.keyboard.type('依');
  await expect.poll(() => blockText(page, 0)).toBe(before.slice(0, 5) + '依' + before.slice(5));
  await page.evaluate(() => ((window as unknown as { typedInto: Node }).typedInto = window.getSelection()!.anchorNode!));
  await page.keyboard.type('法行政，');
  await expect.poll(() => blockText(page, 0)).toBe(before.slice(0, 5) + '依法行政，' + before.slice(5));
  expect(await page.evaluate(() => {
    const node = (window as unknown as { typedInto: Node }).typedInto;
    return node.isConnected && node === window.getSelection()!.anchorNode && (node.textContent ?? '').includes('依法行政，');
  })).toBe(true);
  await caretAtEnd(page, 0);
  await page.keyboard.type('全年办结复议案件８件。');
  const typed = before.slice(0, 5) + '依法行政，' + before.slice(5) + '全年办结复议案件８件。';
  await expect.poll(() => blockText(page, 0)).toBe(typed);
  // The caret followed the keys: the next one goes after them, not back where the typing began.
  await page.keyboard.type('好');
  await expect.poll(() => blockText(page, 0)).toBe(typed + '好');
  await page.keyboard.press('Backspace');
  await expect.poll(() => blockText(page, 0)).toBe(typed);

  // A key typed inside a writing hint removes the hint whole and stands where it stood.
  const hintBlock = await page.locator('.doc-body > [data-slate-node="element"]').evaluateAll((els) => els.findIndex((e) => e.querySelector('.hint')));
  expect(hintBlock).toBeGreaterThan(0);
  const hint = await page.locator('.doc-body > [data-slate-node="element"]').nth(hintBlock).locator('.hint').textContent();
  const rest = (await blockText(page, hintBlock)).slice(hint!.length);
  await caretIn(page, hintBlock, 3, '.hint');
  await page.keyboard.type('召开');
  await expect.poll(() => blockText(page, hintBlock)).toBe('召开' + rest);
  await expect(page.locator('.doc-body > [data-slate-node="element"]').nth(hintBlock).locator('.hint')).toHaveCount(0);

  // The document holds what the page shows: saved, the file has the same text.
  const path = join(app.workDir, 'typed.fzbg');
  app.dialogs.saves.push(path);
  await page.keyboard.press('Control+s');
  await expect.poll(() => app.windowState.dirty).toBe(false);
  const saved = parseDocument(readFileSync(path, 'utf8')).body;
  const text = (i: number) => { const b = saved[i]!; return b.type === 'table' ? '' : b.children.map((c) => c.text).join(''); };
  expect(text(0)).toBe(typed);
  expect(text(hintBlock)).toBe('召开' + rest);

  // Undo takes the typing back, newest first, down to the report as created.
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, hintBlock)).toBe(hint + rest);
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(typed + '好');
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(before.slice(0, 5) + '依法行政，' + before.slice(5));
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(before);
});

test('a key the browser types is drawn in its own frame, with the marks after it on their text; the editor renders it after that frame, and fast keys and undo lose nothing', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  await caretAtEnd(page, 0);
  await page.keyboard.insertText('全年办理复议案件,纠错');
  await expect.poll(() => painted(page, 'fzbg-error', 0)).toContain(',');
  const before = await blockText(page, 0);
  const at = before.lastIndexOf('办理') + 2;
  const cdp = await page.context().newCDPSession(page);
  /** A key as a keyboard sends it (keydown, beforeinput, input): the browser inserts it itself. */
  const key = async (ch: string) => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
  };
  // The first key may come before slate-react has read the caret set here (it then renders the key itself).
  await caretIn(page, 0, at);
  await key('依');
  await expect.poll(() => blockText(page, 0)).toBe(before.slice(0, at) + '依' + before.slice(at));
  const errorsBefore = await painted(page, 'fzbg-error', 0);
  expect(errorsBefore).toContain(',');

  // In the frame of the next key (a frame callback runs before its paint): what the page shows, what is painted, and
  // the text React last rendered into the paragraph (the leaves among the props React last committed to its element).
  const rendered = (block: Element) => {
    const propsKey = Object.keys(block).find((k) => k.startsWith('__reactProps$'))!;
    type El = { props?: { text?: { text?: unknown }; children?: unknown } };
    const texts: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      const props = (x as El | null)?.props;
      if (!props) return;
      if (typeof props.text?.text === 'string') texts.push(props.text.text);
      else walk(props.children);
    };
    walk({ props: (block as unknown as Record<string, El['props']>)[propsKey] });
    return texts.length > 0 ? texts.join('') : undefined;
  };
  type Probe = { keyFrame: unknown; renderedText(block: Element): string | undefined };
  await page.evaluate((renderedSource) => {
    const w = window as unknown as Probe;
    w.renderedText = new Function(`return (${renderedSource})`)() as Probe['renderedText'];
    w.keyFrame = null;
    document.addEventListener(
      'input',
      () =>
        requestAnimationFrame(() => {
          const block = document.querySelectorAll('.doc-body > [data-slate-node="element"]')[0]!;
          const errors: string[] = [];
          CSS.highlights.get('fzbg-error')?.forEach((r) => {
            if (block.contains(r.startContainer)) errors.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
          });
          w.keyFrame = { text: (block.textContent ?? '').replace(/\uFEFF/g, ''), errors, rendered: w.renderedText(block) };
        }),
      { once: true },
    );
  }, rendered.toString());
  const typed = before.slice(0, at) + '依法' + before.slice(at);
  await key('法');
  await expect.poll(() => page.evaluate(() => (window as unknown as Probe).keyFrame)).toEqual({
    text: typed,
    // The comma after the caret is still the one underlined, not the character before it.
    errors: errorsBefore,
    // React has not rendered the key yet: its leaf shows the text before it.
    rendered: before.slice(0, at) + '依' + before.slice(at),
  });
  // After the frame the editor renders it, and the app hears of the change.
  const leafText = () => page.locator('.doc-body > [data-slate-node="element"]').first().evaluate((block) => (window as unknown as Probe).renderedText(block));
  await expect.poll(leafText).toBe(typed);
  await expect.poll(() => app.windowState.dirty).toBe(true);
  await expect.poll(() => painted(page, 'fzbg-error', 0)).toEqual(errorsBefore);

  // Keys faster than frames: each one runs the render held for the one before; Backspace and undo see every key.
  await key('行');
  await key('政');
  await page.keyboard.press('Backspace');
  await key('政');
  const fast = before.slice(0, at) + '依法行政' + before.slice(at);
  await expect.poll(() => blockText(page, 0)).toBe(fast);
  await expect.poll(leafText).toBe(fast);
  // Undo: the last key, the Backspace, then the keys typed in a row, as in any editor.
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(before.slice(0, at) + '依法行' + before.slice(at));
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(fast);
  await page.keyboard.press('Control+z');
  await expect.poll(() => blockText(page, 0)).toBe(before);

  // An IME composition right after a key (whose render may still be held: it runs before the composition starts).
  await caretIn(page, 0, at);
  await key('依');
  await expect.poll(() => blockText(page, 0)).toBe(before.slice(0, at) + '依' + before.slice(at));
  await key('法');
  await cdp.send('Input.imeSetComposition', { text: 'quan', selectionStart: 4, selectionEnd: 4 });
  await cdp.send('Input.imeSetComposition', { text: '全年', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: '全年' });
  const composed = before.slice(0, at) + '依法全年' + before.slice(at);
  await expect.poll(() => blockText(page, 0)).toBe(composed);
  await expect.poll(leafText).toBe(composed);
  await expect.poll(() => painted(page, 'fzbg-error', 0)).toEqual(errorsBefore);
});

test('the caret stays in view: new lines typed at the bottom of the page scroll it up, a key typed off screen brings the caret back', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  /** The caret's box against the scroller's (true when it is wholly inside). */
  const caretInView = () =>
    page.evaluate(() => {
      const sel = window.getSelection()!;
      const range = sel.getRangeAt(0).cloneRange();
      range.collapse(true);
      let r = range.getBoundingClientRect();
      if (r.height === 0) r = (sel.anchorNode instanceof Element ? sel.anchorNode : sel.anchorNode!.parentElement!).getBoundingClientRect();
      const box = document.querySelector('.page-scroll')!.getBoundingClientRect();
      return r.top >= box.top && r.bottom <= box.bottom;
    });
  const scrollTop = () => page.locator('.page-scroll').evaluate((el) => el.scrollTop);
  await caretAtEnd(page, 0);
  expect(await scrollTop()).toBe(0);
  // Enter is slate-react's own edit: each new paragraph below the fold is scrolled into view.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.type('好');
  }
  await expect.poll(caretInView).toBe(true);
  expect(await scrollTop()).toBeGreaterThan(0);
  // Scrolled away from the caret, the next key brings it back into view.
  await page.locator('.page-scroll').evaluate((el) => (el.scrollTop = 0));
  await page.keyboard.type('。');
  await expect.poll(caretInView).toBe(true);
  expect(await scrollTop()).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await expect.poll(caretInView).toBe(true);
});

test('a rule fixes in bulk, and a finding is ignored with a reason kept in the document', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  await caretAtEnd(page, 0);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('全年受理复议案件8件,办结7件;');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('组织学法4次,参学人员120人次。');
  const bulk = page.locator('[data-bulk-rule="punct.halfwidth"]');
  await expect(bulk).toHaveText('全部修正（3处）'); // three marks in two paragraphs
  await bulk.click();
  await expect.poll(() => blockText(page, 1)).toBe('全年受理复议案件8件，办结7件；');
  await expect.poll(() => blockText(page, 2)).toBe('组织学法4次，参学人员120人次。');

  // The doubled phrase is a finding; ignoring it with a reason removes it from the list and counts it as ignored.
  await caretAtEnd(page, 2);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('推进政务网络政务网络建设。');
  const rep = page.locator('.finding[data-rule="rep.doubled"]').first();
  await expect(rep).toBeVisible();
  await rep.getByRole('button', { name: '忽略' }).click();
  await rep.getByLabel('忽略原因（将记入文档）').fill('原文如此，引用文件名称');
  await rep.getByRole('button', { name: '确定忽略' }).click();
  await expect(page.locator('.finding[data-rule="rep.doubled"]')).toHaveCount(0);
  await expect(page.locator('.findings-panel')).toContainText('已忽略 1 处');
});

test('moving a part from the outline renumbers the headings; Tab and Shift+Tab change a level; undo restores', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  const level1 = async () => (await headingMarkers(page)).filter((h) => /^[一二三四五六七八九十]+、/.test(h));
  expect(await level1()).toEqual([
    '一、2025年推进法治政府建设的主要举措和成效',
    '二、2025年推进法治政府建设存在的不足和原因',
    '三、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '四、2026年推进法治政府建设的主要安排',
    '五、其他需要报告的情况',
  ]);
  // 第一责任人 moves up before the shortcomings.
  await page.getByRole('button', { name: /^上移：三、党政主要负责人/ }).click();
  await expect.poll(level1).toEqual([
    '一、2025年推进法治政府建设的主要举措和成效',
    '二、党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    '三、2025年推进法治政府建设存在的不足和原因',
    '四、2026年推进法治政府建设的主要安排',
    '五、其他需要报告的情况',
  ]);
  // Its paragraph moved with it.
  const markers = await headingMarkers(page);
  const idx = markers.findIndex((m) => m.startsWith('二、党政'));
  expect(await page.locator('.outline-item.lvl1').nth(1).textContent()).toContain('二、党政主要负责人');
  expect(idx).toBeGreaterThan(0);
  await app.screenshot('editor-moved-part');

  // Dragging the plans part before the achievements.
  await page.locator('.outline-item.lvl1', { hasText: '四、2026年' }).dragTo(page.locator('.outline-item.lvl1', { hasText: '一、2025年' }));
  await expect.poll(async () => (await level1())[0]).toBe('一、2026年推进法治政府建设的主要安排');
  await expect(page.locator('.outline-item.lvl2').first()).toContainText('（一）【安排一】');

  // Undo twice: the original order.
  await page.locator('.doc-body').focus();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await level1())[1]).toBe('二、2025年推进法治政府建设存在的不足和原因');

  // Tab demotes the second level-2 heading to 1. under the first, Shift+Tab promotes it back.
  const h = page.locator('.doc-body .h2').nth(1);
  await h.click();
  await page.keyboard.press('Tab');
  await expect(page.locator('.doc-body .h3').first()).toHaveAttribute('data-marker', '1.');
  await expect(page.locator('.doc-body .h2').nth(1)).toHaveAttribute('data-marker', '（二）');
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.doc-body .h2').nth(1)).toHaveAttribute('data-marker', '（二）');
  await expect(page.locator('.doc-body .h2').nth(2)).toHaveAttribute('data-marker', '（三）');
  await expect(page.locator('.doc-body .h3')).toHaveCount(0);
});

test('pasting the Jianghai web page into a blank report builds its structure; undo takes it back', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '空白报告' });
  const text = readFileSync(JIANGHAI, 'utf8');
  await page.locator('.doc-body').click();
  await expect(page.locator('.doc-body')).toBeFocused();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document.querySelector('[data-slate-editor]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.locator('.doc-body .h1')).toHaveCount(3);
  await expect(page.getByLabel('报告标题')).toHaveValue('江海区政务服务和数据管理局关于2025年度\n法治政府建设情况的报告');
  const markers = await headingMarkers(page);
  expect(markers.filter((m) => /^[一二三]、/.test(m))).toEqual([
    '一、2025年推进法治政府建设的主要举措及成效',
    '二、2025年推进法治政府建设存在的不足',
    '三、2026年度推进法治政府建设的主要安排',
  ]);
  expect(markers[1]).toBe('（一）深入践行习近平法治思想,坚持高标准推进法治政府建设');
  // Page chrome (微信, 手机版, 【打印本页】) is gone; the web page's half-width punctuation is reported per paragraph.
  await expect(page.locator('.doc-body')).not.toContainText('打印本页');
  await expect(page.locator('.editor-notice')).toContainText('已按结构粘贴');
  await expect(page.locator('[data-bulk-rule="punct.halfwidth"]')).toBeVisible();
  await expect(page.locator('.part-state[data-part="achievements"]')).not.toHaveAttribute('data-state', 'missing');
  await expect(page.locator('.part-state[data-part="plans"]')).not.toHaveAttribute('data-state', 'missing');
  await app.screenshot('editor-pasted-jianghai');
  // The half-width commas are underlined where the page shows them: at the end (the caret) and, once scrolled back, at
  // the top.
  const blocks = page.locator('.doc-body > [data-slate-node="element"]');
  const last = (await blocks.count()) - 1;
  await expect.poll(async () => (await painted(page, 'fzbg-error', last)).filter((t) => t === ',').length).toBeGreaterThan(3);
  const first = await blocks.evaluateAll((els) => els.findIndex((e) => (e.textContent ?? '').split(',').length > 4));
  expect(first).toBeLessThan(5);
  await blocks.nth(first).scrollIntoViewIfNeeded();
  await expect.poll(async () => (await painted(page, 'fzbg-error', first)).filter((t) => t === ',').length).toBeGreaterThan(3);
  // Away from the caret they are boxes over their text, and stay on it when the window narrows and the text re-flows.
  const boxes = await boxesOnText(blocks.nth(first));
  expect(boxes.filter((b) => b.text === ',').length).toBeGreaterThan(3);
  expect(boxes.filter((b) => !b.onText)).toEqual([]);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width - 300, height: size.height });
  await expect.poll(async () => (await boxesOnText(blocks.nth(first))).filter((b) => !b.onText)).toEqual([]);
  await page.setViewportSize(size);
  await expect.poll(async () => (await boxesOnText(blocks.nth(first))).filter((b) => !b.onText)).toEqual([]);
  // In the caret's paragraph the marks after the caret are highlights (they move as it is typed into), those before it
  // stay boxes; each mark is painted once either way.
  const commas = async () => (await painted(page, 'fzbg-error', first)).filter((t) => t === ',').length;
  const count = await commas();
  await caretIn(page, first, 0);
  await expect.poll(async () => (await boxesOnText(blocks.nth(first))).length).toBe(0);
  expect(await commas()).toBe(count);
  await caretIn(page, first, (await blocks.nth(first).locator('[data-slate-string]').first().textContent())!.length);
  await expect.poll(async () => (await boxesOnText(blocks.nth(first))).filter((b) => b.text === ',' && b.onText).length).toBe(count);
  expect(await commas()).toBe(count);
  // Typed at the end, line after line (the last one ending in marks that may not start a line): the boxes before the
  // caret are still on their text once the page is idle.
  await page.keyboard.type('依法行政工作取得新进展法治政府建设迈出新步伐，。');
  await expect.poll(async () => (await boxesOnText(blocks.nth(first))).filter((b) => b.text === ',' && b.onText).length).toBe(count);

  // After a section moves (Alt+↓ on its heading), the moved paragraphs are still painted wherever the page is scrolled.
  const heading = blocks.filter({ hasText: '深入践行习近平法治思想' }).first();
  await heading.click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => (await headingMarkers(page)).findIndex((m) => m.includes('深入践行'))).toBeGreaterThan(1);
  const withCommas = await blocks.evaluateAll((els) => els.flatMap((e, i) => ((e.textContent ?? '').split(',').length > 4 ? [i] : [])));
  expect(withCommas.length).toBeGreaterThan(4);
  for (const i of [withCommas.at(-1)!, withCommas[0]!, withCommas.at(-2)!, withCommas[1]!]) {
    await blocks.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(async () => (await painted(page, 'fzbg-error', i)).join('').split(',').length - 1).toBeGreaterThan(3);
  }

  await page.locator('.doc-body').focus();
  await page.keyboard.press('Control+z'); // the move
  await page.keyboard.press('Control+z'); // the typing
  await page.keyboard.press('Control+z'); // the paste
  await expect(page.locator('.doc-body .h')).toHaveCount(0);
});

test('find and replace with Ctrl+F and Ctrl+H; the help dialog lists the shortcuts', async ({ app }) => {
  const { page } = app;
  await newReport(page, { template: '政府部门', organ: '江海区司法局', year: 2025 });
  await page.locator('.doc-body').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('search');
  await expect(find).toBeVisible();
  await find.getByLabel('查找', { exact: true }).fill('法治政府建设');
  // The matches on screen are painted, the current one apart.
  await expect.poll(async () => (await painted(page, 'fzbg-hit')).length).toBeGreaterThan(1);
  const hits = [...(await painted(page, 'fzbg-hit')), ...(await painted(page, 'fzbg-hit-current'))];
  expect(new Set(hits)).toEqual(new Set(['法治政府建设']));
  expect(await painted(page, 'fzbg-hit-current')).toHaveLength(1);
  const count = ((await page.locator('.doc-body').textContent()) ?? '').split('法治政府建设').length - 1;
  expect(count).toBeGreaterThan(3);
  await expect(find).toContainText(`共 ${count} 处`);
  await page.keyboard.press('Control+h');
  await find.getByLabel('替换为').fill('法治政府建设工作');
  await find.getByRole('button', { name: '全部替换' }).click();
  await expect(find).toContainText(`已替换 ${count} 处`);
  await expect(page.locator('.doc-body')).toContainText('推进本部门法治政府建设工作。');
  await app.screenshot('editor-find-replace');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();

  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: '快捷键与帮助' });
  await expect(help).toContainText('Ctrl+Enter');
  await expect(help).toContainText('标题降一级');
  await help.getByRole('button', { name: '关闭' }).click();
  await expect(help).toBeHidden();
});

test('a finding in a table cell is underlined there, with its popover over it, and stays after typing in the cell', async ({ app }) => {
  const { page } = app;
  const { doc } = importText(readFileSync(JIANGHAI, 'utf8'), { id: 'jianghai-table' });
  const cell = (text: string) => ({ type: 'table-cell' as const, children: [{ text }] });
  const at = doc.body.findIndex((b) => b.type === 'paragraph');
  doc.body.splice(at + 1, 0, {
    type: 'table',
    children: [
      { type: 'table-row', children: [cell('指标'), cell('数量')] },
      { type: 'table-row', children: [cell('办理行政复议案件,纠错'), cell('12件')] },
    ],
  });
  const path = join(app.workDir, '带表格.fzbg');
  writeFileSync(path, serializeDocument(doc));
  app.dialogs.opens.push(path);
  await page.getByRole('button', { name: '打开…' }).click();
  const td = page.locator('.doc-table td').filter({ hasText: '办理行政复议案件' });
  await td.scrollIntoViewIfNeeded();
  const inCell = () =>
    td.evaluate((el) => {
      const out: string[] = [];
      CSS.highlights.get('fzbg-error')?.forEach((r) => {
        if (el.contains(r.startContainer)) out.push(r.startContainer.textContent!.slice(r.startOffset, r.endOffset));
      });
      for (const mark of el.querySelectorAll<HTMLElement>('.mk-layer > .mk[data-kind="error"]')) out.push(mark.dataset.text!);
      return out;
    });
  await expect.poll(inCell).toEqual([',']);
  // The caret is not in the cell: the comma's mark is a box over it.
  expect(await boxesOnText(td)).toEqual([{ text: ',', onText: true }]);
  // The popover over the comma.
  const box = await charCentre(td, ',');
  await page.mouse.move(box.x, box.y);
  await expect(page.getByRole('dialog', { name: '检查结果说明' })).toContainText('半角');
  // Typing before the comma in the cell keeps it underlined (re-placed at once, re-checked after the pause).
  await td.click();
  await page.keyboard.press('Home');
  await page.keyboard.insertText('全年');
  await expect(td).toContainText('全年办理行政复议案件,纠错');
  await expect.poll(inCell).toEqual([',']);
  // Typing in the other cell of the row widens its column: the comma moves, and so does its box.
  const other = page.locator('.doc-table td').filter({ hasText: '12件' });
  await other.click();
  await page.keyboard.press('End');
  const before = await boxesOnText(td);
  await page.keyboard.insertText('（其中行政复议决定纠错3件，调解和解结案4件，驳回申请2件）');
  expect(before).toEqual([{ text: ',', onText: true }]);
  await expect.poll(() => boxesOnText(td)).toEqual([{ text: ',', onText: true }]);
  await page.keyboard.press('Control+z');
  await expect(other).toHaveText('12件');
  await td.click();

  // The table bar: a row below, filled by typing and Tab (which moves cell to cell), then deleted; undo brings it back.
  const bar = page.getByRole('toolbar', { name: '表格' });
  await expect(bar).toContainText('第2行第1列（共2行2列）');
  await bar.getByRole('button', { name: '下方插入行' }).click();
  const rows = page.locator('.doc-table tr');
  await expect(rows).toHaveCount(3);
  await expect(bar).toContainText('第3行第1列（共3行2列）');
  await page.keyboard.insertText('行政诉讼');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText('3件');
  await expect(rows.nth(2)).toHaveText('行政诉讼3件');
  await bar.getByRole('button', { name: '右侧插入列' }).click();
  await expect(rows.nth(0).locator('td')).toHaveCount(3);
  await bar.getByRole('button', { name: '删除列' }).click();
  await expect(rows.nth(0).locator('td')).toHaveCount(2);
  await bar.getByRole('button', { name: '删除行' }).click();
  await expect(rows).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toHaveText('行政诉讼3件');
  await app.screenshot('editor-table-bar');
  // Outside the table the bar goes away.
  await page.locator('.doc-body > p.para').first().click();
  await expect(bar).toBeHidden();
});
