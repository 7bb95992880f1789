import { useCallback, useState } from 'react';

/**
 * The width of an element in CSS pixels, kept current through a callback ref (so a chart that is
 * swapped for its table and back is measured again). Charts draw at their real size rather than
 * scaling a viewBox, so that their text stays at 12px whatever the gadget's width.
 */
export function useWidth(fallback: number) {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element) return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return [ref, width] as const;
}
