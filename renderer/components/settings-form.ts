/** The settings form's state, shared by onboarding and the Settings screen. */
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { FieldIssue } from '../../shared/api/errors';
import type { BusinessSettings, Settings } from '../../shared/settings';

export type SettingsFormValues = BusinessSettings;
export type SettingsForm = UseFormReturnType<SettingsFormValues>;

export function businessPartOf(settings: Settings): BusinessSettings {
  const { onboardingComplete: _done, updatedAt: _at, ...business } = settings;
  return business;
}

export function useSettingsForm(initial: BusinessSettings): SettingsForm {
  return useForm<SettingsFormValues>({ mode: 'controlled', initialValues: initial });
}

/** Shows the server's (or the shared schema's) field messages beside their fields. */
export function showFieldIssues(form: SettingsForm, issues: FieldIssue[]): void {
  form.setErrors(Object.fromEntries(issues.map((issue) => [issue.field, issue.message])));
}
