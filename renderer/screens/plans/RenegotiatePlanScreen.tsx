import { Alert, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useState, type ReactNode } from 'react';
import type { Plan } from '../../../shared/api/plans';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { nothingSavedYet, problemAfterSave, showFieldIssues } from '../../components/field-issues';
import { PageHeader } from '../../components/PageHeader';
import { FormProblem, SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { StillLoading } from '../../components/StillLoading';
import { useBusiness } from '../../business';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import {
  firstPlanValues,
  issuesByField,
  planFieldOf,
  toRenegotiateTerms,
  type PlanFormValues,
} from './plan-draft';
import classes from './Plans.module.css';
import { PlanTermsFields } from './PlanTermsFields';
import { PreviewPayments } from './PreviewPayments';
import { usePlanPreview } from './usePlanPreview';

/** New terms for what is left of a plan: a new plan for the same invoices replaces the rest. */
export function RenegotiatePlanScreen({ id }: { id: number }) {
  const load = useCallback(() => call('plans.get', { planId: id }), [id]);
  const loaded = useLoad(load);
  const back = (
    <AppLink to={{ screen: 'plan', id }} fz="sm">
      ← The plan
    </AppLink>
  );
  if (!loaded.value || loaded.value.id !== id) {
    return (
      <StillLoading top={back} error={loaded.error} onRetry={loaded.reload} what="this plan" wide />
    );
  }
  return <RenegotiateForm plan={loaded.value} back={back} />;
}

function RenegotiateForm({ plan, back }: { plan: Plan; back: ReactNode }) {
  const business = useBusiness();
  const format = useFormat();
  const navigate = useNavigate();
  const form = useForm<PlanFormValues>({
    mode: 'controlled',
    initialValues: {
      ...firstPlanValues(business.today, plan.customerId),
      currency: plan.currency,
      frequency: plan.frequency,
      hardship: plan.hardship,
      count: '6',
    },
  });
  const values = form.getValues();
  const draft = toRenegotiateTerms(values, plan);
  const preview = usePlanPreview(draft.ok ? draft.preview : null);
  const local = draft.ok ? { fields: {} } : issuesByField(draft.issues);
  const remote = issuesByField(preview.issues);
  const errorOf = (field: keyof PlanFormValues): string | undefined =>
    (form.errors[field] as string | undefined) ??
    (local.fields as Partial<Record<keyof PlanFormValues, string>>)[field] ??
    remote.fields[field];
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const live = plan.state === 'proposed' || plan.state === 'active';

  const save = form.onSubmit(async (current) => {
    setProblem(null);
    const next = toRenegotiateTerms(current, plan);
    if (!next.ok) {
      showFieldIssues(form, next.issues, planFieldOf);
      setProblem(next.incomplete ?? nothingSavedYet);
      return;
    }
    setSaving(true);
    try {
      const replacement = await call('plans.renegotiate', next.input);
      navigate({ screen: 'plan', id: replacement.id });
    } catch (error) {
      setProblem(problemAfterSave(form, error, planFieldOf));
      setSaving(false);
    }
  });

  return (
    <form className="screen-wide" onSubmit={save} noValidate>
      <Stack gap="lg">
        <PageHeader
          above={back}
          title="Renegotiate the plan"
          description={`${format.money(plan.remaining, plan.currency)} is left to pay. New terms for it replace the rest of this plan; what was paid stays paid.`}
        />
        {!live && (
          <Alert color="blue">This plan has ended, so there is nothing left to renegotiate.</Alert>
        )}
        <div className={classes.builder}>
          <Section title="The new terms">
            <PlanTermsFields form={form} errorOf={errorOf} />
          </Section>
          <Section title="The payments">
            <PreviewPayments
              state={preview}
              incomplete={draft.ok ? null : draft.incomplete}
              unreadable={!draft.ok}
            />
          </Section>
        </div>
        <SaveBar problem={problem && <FormProblem>{problem}</FormProblem>}>
          <Button variant="default" onClick={() => navigate({ screen: 'plan', id: plan.id })}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} disabled={!live}>
            Replace with the new terms
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
