/**
 * The limits every chasing contact passes, whatever the ladder says: a minimum gap between
 * contacts, a cap per customer in any rolling 7 days (messages and calls counted apart), and
 * the grace a promise to pay gets after its date before chasing resumes. A thank-you is not
 * chasing: only the contact window applies to it (readiness.ts).
 */
export interface Guardrails {
  minGapDays: number;
  messagesPer7Days: number;
  callsPer7Days: number;
  promiseGraceDays: number;
}

export const defaultGuardrails: Guardrails = {
  minGapDays: 5,
  messagesPer7Days: 2,
  callsPer7Days: 3,
  promiseGraceDays: 3,
};

export const guardrailLimits = {
  minGapDays: { min: 0, max: 60 },
  messagesPer7Days: { min: 1, max: 7 },
  callsPer7Days: { min: 1, max: 14 },
  promiseGraceDays: { min: 0, max: 30 },
} as const satisfies Record<keyof Guardrails, { min: number; max: number }>;
