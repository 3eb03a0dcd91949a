/**
 * The schedule for the terms on the form, from `plans.preview`, asked again a moment after the
 * owner stops typing. The terms are compared as text, so a render that changes nothing never
 * asks twice.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import type { PlanPreview } from '../../../shared/api/plans';
import { ApiCallError, call } from '../../api';
import { useLoad } from '../../hooks/useLoad';

export interface PlanPreviewState {
  /** The schedule for the terms (while `working`, for the terms of a moment ago); null when none. */
  preview: PlanPreview | null;
  /** The API's field messages for these terms. */
  issues: ApiCallError['issues'];
  /** A problem that is no field's (the app not answering, say). */
  problem: string | null;
  working: boolean;
}

export function usePlanPreview(terms: InputOf<'plans.preview'> | null): PlanPreviewState {
  const key = terms ? JSON.stringify(terms) : '';
  const [settled] = useDebouncedValue(key, 300);
  const load = useCallback(
    () =>
      settled === ''
        ? Promise.resolve(null)
        : call('plans.preview', JSON.parse(settled) as InputOf<'plans.preview'>),
    [settled],
  );
  const loaded = useLoad(load);
  const current = key !== '' && settled === key && !loaded.loading;
  const error = loaded.error;
  if (key === '') return { preview: null, issues: [], problem: null, working: false };
  if (!current) return { preview: loaded.value ?? null, issues: [], problem: null, working: true };
  if (error) {
    const issues = error instanceof ApiCallError ? error.issues : [];
    return {
      preview: null,
      issues,
      problem: issues.length === 0 ? error.message : null,
      working: false,
    };
  }
  return { preview: loaded.value ?? null, issues: [], problem: null, working: false };
}
