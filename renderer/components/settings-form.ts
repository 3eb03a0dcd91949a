/** The settings form's state, shared by onboarding and the Settings screen. */
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { BusinessSettings, Settings } from '../../shared/settings';

export { showFieldIssues } from './field-issues';

export type SettingsFormValues = BusinessSettings;
export type SettingsForm = UseFormReturnType<SettingsFormValues>;

export function businessPartOf(settings: Settings): BusinessSettings {
  const { onboardingComplete: _done, updatedAt: _at, ...business } = settings;
  return business;
}

export function useSettingsForm(initial: BusinessSettings): SettingsForm {
  return useForm<SettingsFormValues>({ mode: 'controlled', initialValues: initial });
}
