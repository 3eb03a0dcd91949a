/** Everything the customer's reminder panels show, read in one go and refreshed together. */
import { call } from '../../../api';

export async function loadCustomerReminders(customerId: number) {
  const [explain, setup, promises, disputes, contacts, policy] = await Promise.all([
    call('reminders.explain', { customerId }),
    call('reminders.customer', { customerId }),
    call('promises.list', { customerId }),
    call('disputes.list', { customerId }),
    call('contacts.list', { customerId }),
    call('reminders.policy'),
  ]);
  return { customerId, explain, setup, promises, disputes, contacts, policy };
}

export type CustomerReminderData = Awaited<ReturnType<typeof loadCustomerReminders>>;
