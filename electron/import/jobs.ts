/**
 * Imports in progress, by the job id the caller chose: how far each has got (for the
 * progress bar and its rows per second) and whether the owner asked to stop it. Finished
 * jobs are kept a short while so the last figures can still be read.
 */
import type { ImportProgress } from '../../shared/api/imports';

interface Job {
  progress: ImportProgress;
  startedAt: number;
  cancelled: boolean;
}

const keepFinished = 50;

/**
 * `elapsed` is a monotonic millisecond count for the rows-per-second figure: the business
 * clock may be pinned (tests, demos), and a rate needs time that really passes.
 */
export function createImportJobs(elapsed: () => number = () => performance.now()) {
  const jobs = new Map<string, Job>();

  return {
    start(jobId: string, bytes: number): Job {
      const job: Job = {
        progress: { jobId, phase: 'reading', rows: 0, bytes, bytesRead: 0, rowsPerSecond: 0 },
        startedAt: elapsed(),
        cancelled: false,
      };
      jobs.set(jobId, job);
      while (jobs.size > keepFinished) jobs.delete(jobs.keys().next().value!);
      return job;
    },
    update(job: Job, change: Partial<Omit<ImportProgress, 'jobId' | 'rowsPerSecond'>>) {
      Object.assign(job.progress, change);
      const seconds = (elapsed() - job.startedAt) / 1000;
      job.progress.rowsPerSecond = seconds > 0 ? Math.round(job.progress.rows / seconds) : 0;
    },
    get(jobId: string): ImportProgress | null {
      const job = jobs.get(jobId);
      return job ? { ...job.progress } : null;
    },
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job || job.progress.phase === 'done' || job.progress.phase === 'failed') return false;
      job.cancelled = true;
      return true;
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
export type { Job as ImportJob };
