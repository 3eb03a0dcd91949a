/** The server's (or a shared schema's) field messages, shown beside the fields of any form. */
import type { UseFormReturnType } from '@mantine/form';
import type { FieldIssue } from '../../shared/api/errors';
import { ApiCallError } from '../api';

/**
 * Marks each field at fault. `rename` maps an API field path to the form's own, when the two
 * differ (for example `terms.days` to `termsDays`); fields the form does not have are returned
 * so the caller can say them elsewhere.
 */
export function showFieldIssues<Values>(
  form: UseFormReturnType<Values>,
  issues: FieldIssue[],
  rename: (field: string) => string | null = (field) => field,
): FieldIssue[] {
  const errors: Record<string, string> = {};
  const elsewhere: FieldIssue[] = [];
  for (const issue of issues) {
    const field = rename(issue.field);
    if (field === null) elsewhere.push(issue);
    else errors[field] ??= issue.message;
  }
  form.setErrors(errors);
  return elsewhere;
}

/** Said above the save button when some fields need another look. */
export const nothingSavedYet = 'Nothing was saved yet. Please check the fields marked in red.';

/**
 * What to say after a save failed: field messages go beside their fields (and the sentence
 * says to look there), anything else in the API's own words.
 */
export function problemAfterSave<Values>(
  form: UseFormReturnType<Values>,
  error: unknown,
  rename?: (field: string) => string | null,
): string {
  if (error instanceof ApiCallError && error.issues.length > 0) {
    const elsewhere = showFieldIssues(form, error.issues, rename);
    return elsewhere[0]?.message ?? nothingSavedYet;
  }
  return (error as Error).message;
}
