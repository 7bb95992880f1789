import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table that scrolls sideways, with a fade over the edge that has more to show. In a narrow
 * gadget the last visible column is cut by the edge of the scroll region, and a cut figure reads
 * as a whole one ("€992.4" of "€992.4K"); the fade says that the row goes on.
 */
export function ScrollHint({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState<{ start: boolean; end: boolean }>({ start: false, end: false });
  useEffect(() => {
    const region = box.current?.querySelector<HTMLElement>('.vl-table-scroll');
    if (!region) return undefined;
    const measure = () => {
      const hidden = region.scrollWidth - region.clientWidth;
      setMore({ start: region.scrollLeft > 1, end: region.scrollLeft < hidden - 1 });
    };
    measure();
    region.addEventListener('scroll', measure, { passive: true });
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resized?.observe(region);
    const table = region.querySelector('table');
    if (table) resized?.observe(table);
    return () => {
      region.removeEventListener('scroll', measure);
      resized?.disconnect();
    };
  }, []);
  return (
    <div className="vl-scroll-hint" ref={box} data-more-end={more.end} data-more-start={more.start}>
      {children}
    </div>
  );
}
