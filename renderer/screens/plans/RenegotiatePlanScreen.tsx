import { Alert, Button, Stack } from '@mantine/core';
import { useCallback, type ReactNode } from 'react';
import type { InputOf } from '../../../shared/api/contract';
import type { Plan } from '../../../shared/api/plans';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { PageHeader } from '../../components/PageHeader';
import { FormProblem, SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { StillLoading } from '../../components/StillLoading';
import { useBusiness } from '../../business';
import { useFormat } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useNavigate } from '../../router';
import { firstPlanValues, toRenegotiateTerms } from './plan-draft';
import { runValuesOf } from './plan-run';
import { PlanFormSections } from './PlanFormSections';
import classes from './Plans.module.css';
import { PreviewPayments } from './PreviewPayments';
import { usePlanForm } from './usePlanForm';

const renegotiate = (input: InputOf<'plans.renegotiate'>) => call('plans.renegotiate', input);

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
  const form = usePlanForm({
    initialValues: {
      ...firstPlanValues(business.today, plan.customerId),
      currency: plan.currency,
      frequency: plan.frequency,
      hardship: plan.hardship,
      count: '6',
      // The new plan runs as the old one did, unless the owner says otherwise; an old pause is over.
      ...runValuesOf(plan),
      pause: false,
      pauseUntil: '',
    },
    draftOf: (values) => toRenegotiateTerms(values, plan),
    save: renegotiate,
  });
  const { draft, preview } = form;
  const live = plan.state === 'proposed' || plan.state === 'active';

  return (
    <form className="screen-wide" onSubmit={form.onSubmit} noValidate>
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
          <Stack gap="lg" miw={0}>
            <PlanFormSections form={form.form} errorOf={form.errorOf} termsTitle="The new terms" />
          </Stack>
          <Stack gap="lg" miw={0}>
            <Section title="The payments">
              <PreviewPayments
                state={preview}
                incomplete={draft.ok ? null : draft.incomplete}
                unreadable={!draft.ok}
              />
            </Section>
          </Stack>
        </div>
        <SaveBar problem={form.problem && <FormProblem>{form.problem}</FormProblem>}>
          <Button variant="default" onClick={() => navigate({ screen: 'plan', id: plan.id })}>
            Cancel
          </Button>
          <Button type="submit" loading={form.saving} disabled={!live}>
            Replace with the new terms
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
