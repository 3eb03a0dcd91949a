/**
 * The letter a queue step would send, drafted from the ledger and checked for tone. Asked for
 * once per row while the Today screen is open: the preview and Approve share the answer.
 */
import { useCallback, useRef } from 'react';
import type { LetterDraft } from '../../../shared/api/letters';
import { occasionForStep, type Occasion } from '../../../shared/letters/occasions';
import { needsSendAnyway, type ToneFinding, type ToneReport } from '../../../shared/letters/tone';
import type { QueueItem } from '../../../shared/reminders/queue';
import { call } from '../../api';
import { mainAction } from './today-view';

export interface CheckedLetter {
  draft: LetterDraft;
  tone: ToneReport;
}

/** The occasion a row's letter is for, when the row sends one the owner approves. */
export function letterOccasion(item: QueueItem): Occasion | null {
  if (item.id === null || item.step === null || mainAction(item) !== 'approve') return null;
  return occasionForStep(item.step);
}

/** Why Approve should ask first: wording that needs "send anyway", or no letter to check. */
export type LetterConcern =
  | { kind: 'harsh'; occasion: Occasion; findings: ToneFinding[] }
  | { kind: 'unchecked'; occasion: Occasion; message: string };

async function draftAndCheck(item: QueueItem & { id: number }, occasion: Occasion) {
  const draft = await call('letters.draft', {
    customerId: item.customerId,
    occasion,
    itemId: item.id,
  });
  // The draft comes checked, subject and words together as the customer reads them, and
  // with what only the ledger knows: whether late charges are in this customer's terms.
  return { draft, tone: draft.tone };
}

export function useLetterChecks() {
  const cache = useRef(new Map<number, Promise<CheckedLetter>>());

  const check = useCallback((item: QueueItem & { id: number }, occasion: Occasion) => {
    let pending = cache.current.get(item.id);
    if (!pending) {
      pending = draftAndCheck(item, occasion);
      cache.current.set(item.id, pending);
      // A failure is not kept: the next look asks again.
      pending.catch(() => cache.current.delete(item.id));
    }
    return pending;
  }, []);

  /** What Approve must say before it sends, or null when the letter reads kindly. */
  const concernFor = useCallback(
    async (item: QueueItem & { id: number }): Promise<LetterConcern | null> => {
      const occasion = letterOccasion(item);
      if (!occasion) return null;
      try {
        const { tone } = await check(item, occasion);
        if (!needsSendAnyway(tone)) return null;
        const findings = tone.findings.filter((finding) => finding.severity === 'high');
        return { kind: 'harsh', occasion, findings };
      } catch (error) {
        return { kind: 'unchecked', occasion, message: (error as Error).message };
      }
    },
    [check],
  );

  return { check, concernFor };
}
