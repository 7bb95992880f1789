import { useEffect, useState } from 'react';

/** The height of one probe: the page's visible area is always taller than this. */
const PROBE_PX = 96;
/** Each probe reports every few pixels of its visible height, so the answer follows the scroll. */
const STEPS_PER_PROBE = 24;

/**
 * How much of this frame is hidden below the page's visible area, in CSS pixels (0 when the
 * frame's bottom edge is in view).
 *
 * Jira grows a Custom UI panel's iframe to its content's height (the platform adds iframe-resizer
 * to every Custom UI page, https://developer.atlassian.com/platform/forge/custom-ui/), so the frame
 * itself never scrolls and `position: sticky` alone cannot keep anything in view: the page around
 * it scrolls. The frame cannot read the page's scroll position (another origin), but an
 * IntersectionObserver with the implicit root reports which part of an element is on screen,
 * clipped by every scrolling ancestor up to the top-level viewport
 * (https://w3c.github.io/IntersectionObserver/#intersectionobserver-implicit-root).
 *
 * One observer on the whole document would not do: while the page scrolls through its middle, the
 * visible share stays the same and no threshold is crossed. So the document is covered by a
 * column of invisible probes, each shorter than any viewport; the one under the visible area's
 * lower edge changes its visible share with every few pixels of scroll.
 */
export function useHiddenBelow(): number {
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined' || typeof ResizeObserver === 'undefined') return;
    const root = document.documentElement;
    const column = document.createElement('div');
    column.setAttribute('aria-hidden', 'true');
    column.className = 'visibility-probes';
    document.body.append(column);
    /** The lowest visible pixel of each probe, in document coordinates; absent when off screen. */
    const visibleBottoms = new Map<Element, number>();
    let height = 0;
    const report = () => {
      const bottoms = [...visibleBottoms.values()];
      setHidden(bottoms.length === 0 ? 0 : Math.max(0, Math.round(height - Math.max(...bottoms))));
    };
    const thresholds = Array.from({ length: STEPS_PER_PROBE + 1 }, (_, index) => index / STEPS_PER_PROBE);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          // The frame does not scroll, so its viewport's coordinates are the document's.
          if (entry.isIntersecting) visibleBottoms.set(entry.target, entry.intersectionRect.bottom);
          else visibleBottoms.delete(entry.target);
        }
        report();
      },
      { threshold: thresholds },
    );
    const layOut = () => {
      const now = Math.ceil(root.getBoundingClientRect().height);
      if (now === height) return;
      height = now;
      observer.disconnect();
      visibleBottoms.clear();
      // The column ends where the document does, so it never makes the frame grow.
      column.style.height = `${String(height)}px`;
      const count = Math.max(1, Math.ceil(height / PROBE_PX));
      while (column.children.length > count) column.lastElementChild?.remove();
      while (column.children.length < count) column.append(document.createElement('div'));
      [...column.children].forEach((probe, index) => {
        const top = index * PROBE_PX;
        (probe as HTMLElement).style.top = `${String(top)}px`;
        (probe as HTMLElement).style.height = `${String(Math.min(PROBE_PX, height - top))}px`;
        observer.observe(probe);
      });
    };
    const resizes = new ResizeObserver(layOut);
    resizes.observe(root);
    layOut();
    return () => {
      resizes.disconnect();
      observer.disconnect();
      column.remove();
    };
  }, []);
  return hidden;
}
