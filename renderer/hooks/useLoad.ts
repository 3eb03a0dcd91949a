/**
 * Loads something from the API for a screen. `load` must be stable (useCallback): when it
 * changes, the data is loaded again; the last value stays on screen meanwhile, so nothing
 * flickers. `reload()` asks again, after a change was saved.
 */
import { useCallback, useEffect, useState } from 'react';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };

export interface Loaded<T> {
  /** The latest value, possibly from before the last change of `load`. */
  value: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload: () => void;
}

export function useLoad<T>(load: () => Promise<T>): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{
    load: () => Promise<T>;
    attempt: number;
    outcome: Outcome<T>;
    lastValue: T | undefined;
  } | null>(null);

  useEffect(() => {
    let live = true;
    load().then(
      (value) => {
        if (live) setResult({ load, attempt, outcome: { ok: true, value }, lastValue: value });
      },
      (error: unknown) => {
        if (live)
          setResult((previous) => ({
            load,
            attempt,
            outcome: {
              ok: false,
              error: error instanceof Error ? error : new Error(String(error)),
            },
            lastValue: previous?.lastValue,
          }));
      },
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const fresh = result !== null && result.load === load && result.attempt === attempt;
  return {
    value: result?.lastValue,
    error: fresh && !result.outcome.ok ? result.outcome.error : undefined,
    loading: !fresh,
    reload,
  };
}
