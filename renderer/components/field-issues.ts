/** The server's (or a shared schema's) field messages, shown beside the fields of any form. */
import type { UseFormReturnType } from '@mantine/form';
import type { FieldIssue } from '../../shared/api/errors';

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
