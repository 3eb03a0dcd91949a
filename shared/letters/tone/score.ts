/**
 * The tone score, 0 to 100 with 100 the kindest:
 *
 *   score = 100 − Σ over findings of (high 35, medium 15, low 5)
 *               − min(20, 2 × max(0, grade − 8))
 *
 * clamped to 0–100 and rounded. One threat takes a letter to 65 at best, two to 30; a
 * readable letter (grade 8 or below) loses nothing for reading level, and hard reading alone
 * costs at most 20, so it never outweighs a threat.
 */
import type { ReadingLevel, ToneFinding, ToneReport, ToneSeverity } from './types';

export const severityPenalty: Record<ToneSeverity, number> = { high: 35, medium: 15, low: 5 };
export const targetGrade = 8;
const gradePenaltyPerGrade = 2;
const gradePenaltyLimit = 20;

export function toneScore(findings: readonly ToneFinding[], reading: ReadingLevel): number {
  const forFindings = findings.reduce((sum, f) => sum + severityPenalty[f.severity], 0);
  const forReading = Math.min(
    gradePenaltyLimit,
    gradePenaltyPerGrade * Math.max(0, reading.grade - targetGrade),
  );
  return Math.round(Math.min(100, Math.max(0, 100 - forFindings - forReading)));
}

/** A message with a high-severity finding goes only after an explicit "send anyway". */
export function needsSendAnyway(report: Pick<ToneReport, 'findings'>): boolean {
  return report.findings.some((finding) => finding.severity === 'high');
}
