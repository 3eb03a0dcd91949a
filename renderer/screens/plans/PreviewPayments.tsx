import { Box, Loader, Text } from '@mantine/core';
import { ScheduleTable } from './ScheduleTable';
import type { PlanPreviewState } from './usePlanPreview';

/** The payments the terms on the form give, or what stops them from showing yet. */
export function PreviewPayments(props: {
  state: PlanPreviewState;
  /** Said kindly while something the terms need is still missing. */
  incomplete: string | null;
  /** Some field cannot be read as typed (its message is on the field). */
  unreadable: boolean;
}) {
  const { state } = props;
  return (
    <div aria-live="polite" aria-busy={state.working}>
      {props.incomplete ? (
        <Text c="dimmed">{props.incomplete}</Text>
      ) : state.problem ? (
        <Text c="red">{state.problem}</Text>
      ) : state.issues.length > 0 || props.unreadable ? (
        <Text c="dimmed">Once the fields marked in red are put right, the payments show here.</Text>
      ) : state.preview ? (
        <Box opacity={state.working ? 0.6 : 1}>
          <ScheduleTable
            deposit={state.preview.deposit}
            instalments={state.preview.instalments}
            currency={state.preview.currency}
          />
        </Box>
      ) : (
        <Loader size="sm" aria-label="Working out the payments" />
      )}
    </div>
  );
}
