/**
 * Layout checks the epic value panel's browser tests share, run inside the panel's frame.
 */
import type { Frame } from 'playwright-core';

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
