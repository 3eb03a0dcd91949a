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
  };
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
