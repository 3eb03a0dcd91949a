/**
 * When a message the server put off (a 4xx reply) is tried again: after 1, 5, 15 and 60
 * minutes, then every hour, until 3 days have passed since the first try; then it has failed.
 */
export const retryDelaysMinutes = [1, 5, 15, 60] as const;
export const giveUpAfterMs = 3 * 24 * 60 * 60 * 1000;

/** The next try after `attempts` tries, or null when it is time to give up. */
export function nextRetryAt(firstTriedAt: Date, attempts: number, now: Date): Date | null {
  const minutes = retryDelaysMinutes[attempts - 1] ?? 60;
  const next = new Date(now.getTime() + minutes * 60_000);
  return next.getTime() - firstTriedAt.getTime() > giveUpAfterMs ? null : next;
}
