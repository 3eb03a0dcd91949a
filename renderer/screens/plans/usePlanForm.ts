/**
 * The plan form both the builder and the renegotiate screen use: the values as typed, what they
 * say (the draft), the payments they give (`plans.preview`), each field's message (the form's
 * own, then what cannot be read, then the API's), and saving, which opens the plan it made.
 */
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Plan } from '../../../shared/api/plans';
import { nothingSavedYet, problemAfterSave, showFieldIssues } from '../../components/field-issues';
import { useNavigate } from '../../router';
import { issuesByField, planFieldOf, type PlanDraftOf, type PlanFormValues } from './plan-draft';
import { usePlanPreview } from './usePlanPreview';

export function usePlanForm<Input>(options: {
  initialValues: PlanFormValues;
  draftOf: (values: PlanFormValues) => PlanDraftOf<Input>;
  save: (input: Input) => Promise<Plan>;
}) {
  const navigate = useNavigate();
  const form = useForm<PlanFormValues>({
    mode: 'controlled',
    initialValues: options.initialValues,
  });
  const values = form.getValues();
  const draft = options.draftOf(values);
  const preview = usePlanPreview(draft.ok ? draft.preview : null);
  const local = draft.ok ? { fields: {} } : issuesByField(draft.issues);
  const remote = issuesByField(preview.issues);
  const errorOf = (field: keyof PlanFormValues): string | undefined =>
    (form.errors[field] as string | undefined) ??
    (local.fields as Partial<Record<keyof PlanFormValues, string>>)[field] ??
    remote.fields[field];

  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = form.onSubmit(async (current) => {
    setProblem(null);
    const next = options.draftOf(current);
    if (!next.ok) {
      showFieldIssues(form, next.issues, planFieldOf);
      setProblem(next.incomplete ?? nothingSavedYet);
      return;
    }
    setSaving(true);
    try {
      const plan = await options.save(next.input);
      navigate({ screen: 'plan', id: plan.id });
    } catch (error) {
      setProblem(problemAfterSave(form, error, planFieldOf));
      setSaving(false);
    }
  });

  return { form, values, draft, preview, errorOf, onSubmit, saving, problem };
}
