// A status-bar message that clears itself after a few seconds.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useMessage(durationMs = 4000): [string | null, (message: string | null) => void] {
  const [message, setMessage] = useState<string | null>(null);
  const timer = useRef<NodeJS.Timeout | null>(null);
  const show = useCallback(
    (next: string | null) => {
      if (timer.current) clearTimeout(timer.current);
      setMessage(next);
      if (next !== null) timer.current = setTimeout(() => setMessage(null), durationMs);
    },
    [durationMs],
  );
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return [message, show];
}
