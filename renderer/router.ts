/** The app's screens and a small path router (the History API, no library needed for seven). */
import { useCallback, useEffect, useState } from 'react';

export const screens = [
  'today',
  'overdue',
  'customers',
  'invoices',
  'plans',
  'outbox',
  'settings',
] as const;
export type ScreenName = (typeof screens)[number];

function screenFromPath(pathname: string): ScreenName {
  const first = pathname.split('/').filter(Boolean)[0] ?? '';
  return (screens as readonly string[]).includes(first) ? (first as ScreenName) : 'today';
}

export function useScreen(): [ScreenName, (next: ScreenName) => void] {
  const [screen, setScreen] = useState(() => screenFromPath(window.location.pathname));
  useEffect(() => {
    const onPop = () => setScreen(screenFromPath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const go = useCallback((next: ScreenName) => {
    if (window.location.pathname !== `/${next}`) window.history.pushState(null, '', `/${next}`);
    setScreen(next);
  }, []);
  return [screen, go];
}
