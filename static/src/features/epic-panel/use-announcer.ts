import { useCallback, useState } from 'react';

/**
 * A sentence for screen readers, spoken by a polite live region: `[message, announce]`. The
 * region is cleared first, so the same sentence twice is announced twice.
 */
export function useAnnouncer(): [string, (text: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((text: string) => {
    setMessage('');
    window.setTimeout(() => {
      setMessage(text);
    }, 50);
  }, []);
  return [message, announce];
}
