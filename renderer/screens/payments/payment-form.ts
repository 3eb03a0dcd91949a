/** The payment form's state. */
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { PaymentFormValues } from './payment-draft';

export type PaymentForm = UseFormReturnType<PaymentFormValues>;

export function usePaymentForm(initial: PaymentFormValues): PaymentForm {
  return useForm<PaymentFormValues>({ mode: 'controlled', initialValues: initial });
}
