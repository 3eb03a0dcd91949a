/** Runs the daily backup at start and checks hourly whether the next one is due. */
import type { BackupService } from '../db/backups';
import type { Logger } from '../logger';

const checkEveryMs = 60 * 60 * 1000;

export function startBackupSchedule(backups: BackupService, log: Logger) {
  let running: Promise<void> = Promise.resolve();
  const runOnce = () => {
    running = running.then(async () => {
      try {
        const file = await backups.dailyIfDue();
        if (file) log.info(`Daily backup made: ${file}`);
      } catch (error) {
        // A failed backup must not stop the app; it is tried again within the hour.
        log.error('The daily backup could not be made', error);
      }
    });
  };
  runOnce();
  const timer = setInterval(runOnce, checkEveryMs);
  timer.unref();
  return {
    /** Stops the timer and waits for a backup in progress to finish. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
