import { Divider } from '@mantine/core';
import { CustomerCard } from '../CustomerCard';
import type { CustomerReminderData } from './customer-reminders';
import { LadderChoice } from './LadderChoice';
import { WhyNow } from './WhyNow';

/** Where reminders stand for this customer today, and which steps they follow. */
export function RemindersCard(props: { data: CustomerReminderData; onChanged: () => void }) {
  const { data } = props;
  return (
    <CustomerCard title="Reminders">
      <WhyNow items={data.explain.items} why={data.explain.why} />
      <Divider />
      <LadderChoice
        customerId={data.customerId}
        setup={data.setup}
        policy={data.policy}
        onChanged={props.onChanged}
      />
    </CustomerCard>
  );
}
