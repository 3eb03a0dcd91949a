/** The customer form's values, and how they become the API's input. */
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { InputOf } from '../../../shared/api/contract';
import type { Customer, CustomerKind } from '../../../shared/ledger';

export interface CustomerFormValues {
  name: string;
  kind: CustomerKind;
  company: string;
  contactPerson: string;
  email: string;
  phone: string;
  address: string;
  notes: string;
  ccEmails: string[];
  tags: string[];
  /** '' means the business's own. */
  locale: string;
  /** '' means the business's own. */
  timeZone: string;
  doNotContact: { on: boolean; reason: string; until: string };
  creditHold: { on: boolean; reason: string };
}

export type CustomerForm = UseFormReturnType<CustomerFormValues>;

export const kindLabels: Record<CustomerKind, string> = {
  company: 'Company',
  sole_trader: 'Sole trader',
  consumer: 'Consumer',
};

export const blankCustomer: CustomerFormValues = {
  name: '',
  kind: 'company',
  company: '',
  contactPerson: '',
  email: '',
  phone: '',
  address: '',
  notes: '',
  ccEmails: [],
  tags: [],
  locale: '',
  timeZone: '',
  doNotContact: { on: false, reason: '', until: '' },
  creditHold: { on: false, reason: '' },
};

export function valuesOf(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    kind: customer.kind,
    company: customer.company,
    contactPerson: customer.contactPerson,
    email: customer.email,
    phone: customer.phone,
    address: customer.address,
    notes: customer.notes,
    ccEmails: customer.ccEmails,
    tags: customer.tags,
    locale: customer.locale ?? '',
    timeZone: customer.timeZone ?? '',
    doNotContact: {
      on: customer.doNotContact !== null,
      reason: customer.doNotContact?.reason ?? '',
      until: customer.doNotContact?.until ?? '',
    },
    creditHold: { on: customer.creditHold !== null, reason: customer.creditHold?.reason ?? '' },
  };
}

function details(values: CustomerFormValues) {
  return {
    name: values.name,
    kind: values.kind,
    company: values.company,
    contactPerson: values.contactPerson,
    email: values.email,
    phone: values.phone,
    address: values.address,
    notes: values.notes,
    ccEmails: values.ccEmails,
    tags: values.tags,
    locale: values.locale || null,
    timeZone: values.timeZone || null,
  };
}

/** The API names list items by position (`ccEmails.1`); the form shows them on the list. */
export function customerFieldOf(field: string): string {
  return field.replace(/^(ccEmails|tags)\.\d+$/, '$1');
}

export function toNewCustomer(values: CustomerFormValues): InputOf<'customers.create'> {
  return details(values);
}

export function toCustomerPatch(
  id: number,
  values: CustomerFormValues,
): InputOf<'customers.update'> {
  return {
    id,
    ...details(values),
    doNotContact: values.doNotContact.on
      ? { reason: values.doNotContact.reason, until: values.doNotContact.until || null }
      : null,
    creditHold: values.creditHold.on ? { reason: values.creditHold.reason } : null,
  };
}

export function useCustomerForm(initial: CustomerFormValues): CustomerForm {
  return useForm<CustomerFormValues>({ mode: 'controlled', initialValues: initial });
}
