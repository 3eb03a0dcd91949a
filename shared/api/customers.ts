/** customers.*: the people and companies who owe the business. */
import { z } from 'zod';
import { isValidTimeZone } from '../dates';
import type { Customer, CustomerDetail, CustomerSummary, TimelineEntry } from '../ledger';
import { customerKinds } from '../ledger';
import { isSupportedLocale, type SupportedLocale } from '../locales';
import { calendarDate, id, text } from './fields';
import { method } from './method';

const email = z
  .string()
  .trim()
  .refine(
    (value) => value === '' || z.email().safeParse(value).success,
    'Please enter an email address like name@example.com.',
  );

const customerFields = {
  name: z
    .string('Please give the customer a name.')
    .trim()
    .min(1, 'Please give the customer a name.')
    .max(200, 'Please keep the name under 200 characters.'),
  company: text(200, 'company name'),
  kind: z.enum(customerKinds, 'The kind is company, sole_trader or consumer.'),
  contactPerson: text(200, 'contact person'),
  email,
  ccEmails: z
    .array(z.string().trim().pipe(z.email('Each copy address must be an email address.')))
    .max(10, 'At most 10 copy addresses.'),
  phone: text(50, 'phone number'),
  address: text(1000, 'address'),
  locale: z
    .string()
    .refine(isSupportedLocale, 'Please choose a language and region from the list.')
    .transform((value) => value as SupportedLocale)
    .nullable(),
  timeZone: z
    .string()
    .refine(isValidTimeZone, 'Please choose a time zone from the list.')
    .nullable(),
  notes: text(5000, 'notes'),
  tags: z.array(z.string().trim().min(1).max(50)).max(20, 'At most 20 tags.'),
  doNotContact: z
    .object({
      reason: text(500, 'reason').min(1, 'Please say why not to contact them.'),
      until: calendarDate.nullable().default(null),
    })
    .strict()
    .nullable(),
  creditHold: z
    .object({ reason: text(500, 'reason').min(1, 'Please say why their credit is on hold.') })
    .strict()
    .nullable(),
};

export const newCustomerSchema = z
  .object({
    ...customerFields,
    kind: customerFields.kind.default('company'),
  })
  .partial()
  .required({ name: true })
  .strict();

export const customerPatchSchema = z
  .object({ id, ...customerFields })
  .partial()
  .required({ id: true })
  .strict();

export type NewCustomer = z.output<typeof newCustomerSchema>;
export type CustomerPatch = z.output<typeof customerPatchSchema>;

export const customerMethods = {
  'customers.create': method(newCustomerSchema).returns<Customer>(),
  'customers.update': method(customerPatchSchema).returns<Customer>(),
  'customers.get': method(z.object({ id }).strict()).returns<CustomerDetail>(),
  'customers.list': method(
    z
      .object({
        search: z.string().trim().max(200).optional(),
        includeArchived: z.boolean().optional(),
      })
      .strict()
      .default({}),
  ).returns<CustomerSummary[]>(),
  'customers.archive': method(z.object({ id }).strict()).returns<Customer>(),
  'customers.restore': method(z.object({ id }).strict()).returns<Customer>(),
  'customers.timeline': method(
    z.object({ id, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
  ).returns<TimelineEntry[]>(),
};
