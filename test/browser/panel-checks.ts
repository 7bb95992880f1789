/**
 * Layout checks the epic value panel's browser tests share, run inside the panel's frame.
 */
import { resolve } from 'node:path';
import type { Frame } from 'playwright-core';
import { artifactsDir, type ShellPage } from './browser-host';

/**
 * Every piece of text or input whose content is wider than its box (cut off, or spilling), and
 * anything that makes the frame scroll sideways. Scroll regions (the kit's tables) may scroll.
 */
export function clippedText(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${element.className} "${(element instanceof HTMLInputElement ? element.value : element.textContent).slice(0, 40)}"`;
    const found: string[] = [];
    const inScrollRegion = (element: Element) => element.closest('.vl-table-scroll') !== null;
    for (const element of document.querySelectorAll<HTMLElement>(
      'th, td, dd, dt, button, label, input, select, legend, .metric-value, .series-total, .card-meta, .save-status, .vl-lozenge, .vl-user-chip, .realised-stamps',
    )) {
      const style = getComputedStyle(element);
      if (element.offsetParent === null || element.closest('.vl-visually-hidden')) continue;
      if (style.display === 'inline') continue;
      // A text input scrolls its text by design; a figure in a number input must fit.
      if (element instanceof HTMLInputElement && !element.classList.contains('vl-input--number')) continue;
      if (element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${name(element)} is ${String(element.scrollWidth - element.clientWidth)}px wider than its box`,
        );
      const box = element.getBoundingClientRect();
      if (!inScrollRegion(element) && box.right > document.documentElement.clientWidth + 1)
        found.push(`${name(element)} sticks out of the frame`);
    }
    // A figure broken over two lines (€14,814,814.6 / 8) is as unreadable as a clipped one.
    for (const element of document.querySelectorAll(
      '.metric-value, .metric-detail, .series-total, td, .net-benefit dd',
    )) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        for (const word of (node.textContent ?? '').matchAll(/\S*\d\S*/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (range.getClientRects().length > 1) found.push(`"${word[0]}" is broken over two lines`);
        }
      }
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
      found.push('the frame scrolls sideways');
    return found;
  });
}

/**
 * The whole panel, however tall, as the user would scroll through it at `width`: one picture per
 * screenful, `<name>-1.png`, `<name>-2.png`, … in test-artifacts/browser, each small enough to
 * look at. Leaves the viewport `width` × 900.
 */
export async function screenshotPanel(shell: ShellPage, width: number, name: string): Promise<void> {
  const height = await shell.page.evaluate(() => document.documentElement.scrollHeight);
  await shell.page.setViewportSize({ width, height: height + 40 });
  await shell.page.waitForTimeout(300);
  const frame = await shell.page.locator('.app-panel iframe').boundingBox();
  if (frame === null) throw new Error('The panel frame is not rendered.');
  const screen = 1000;
  for (let top = 0, part = 1; top < frame.height; top += screen, part += 1) {
    await shell.page.screenshot({
      path: resolve(artifactsDir, `${name}-${String(part)}.png`),
      clip: {
        x: frame.x,
        y: frame.y + top,
        width: frame.width,
        height: Math.min(screen, frame.height - top),
      },
    });
  }
  await shell.page.setViewportSize({ width, height: 900 });
}
