import type { UseFormReturnType } from '@mantine/form';
import { addDays, isCalendarDate } from '../../../shared/dates';
import { Section } from '../../components/Section';
import type { PlanFormValues } from './plan-draft';
import { PlanRunFields } from './PlanRunFields';
import { PlanTermsFields } from './PlanTermsFields';

/** The terms and how the plan runs: one place for these fields, on the builder and on renegotiating. */
export function PlanFormSections(props: {
  form: UseFormReturnType<PlanFormValues>;
  errorOf: (field: keyof PlanFormValues) => string | undefined;
  termsTitle: string;
}) {
  const { form, errorOf } = props;
  const values = form.getValues();
  return (
    <>
      <Section title={props.termsTitle}>
        <PlanTermsFields form={form} errorOf={errorOf} />
      </Section>
      <Section
        title="How the plan runs"
        description="Check-ins and notes are proposed on Today, for you to approve."
      >
        <PlanRunFields
          values={values}
          frequency={values.frequency}
          hardship={values.hardship}
          onChange={(change) => form.setValues(change)}
          errorOf={errorOf}
          suggestedPauseEnd={
            isCalendarDate(values.firstDue) ? addDays(values.firstDue, -1) : undefined
          }
        />
      </Section>
    </>
  );
}
