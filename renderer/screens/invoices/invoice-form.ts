/** The invoice editor's form state. */
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { InvoiceFormValues } from './invoice-draft';

export type InvoiceForm = UseFormReturnType<InvoiceFormValues>;

export function useInvoiceForm(initial: InvoiceFormValues): InvoiceForm {
  return useForm<InvoiceFormValues>({ mode: 'controlled', initialValues: initial });
}
