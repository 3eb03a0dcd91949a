import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../api';
import { AppLink } from '../../components/AppLink';
import { problemAfterSave } from '../../components/field-issues';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useNavigate } from '../../router';
import { CustomerFields } from './CustomerFields';
import { blankCustomer, customerFieldOf, toNewCustomer, useCustomerForm } from './customer-form';
import { FormProblem, SaveBar } from '../../components/SaveBar';

export function NewCustomerScreen() {
  const navigate = useNavigate();
  const form = useCustomerForm(blankCustomer);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = form.onSubmit(async (values) => {
    setSaving(true);
    setProblem(null);
    try {
      const customer = await call('customers.create', toNewCustomer(values));
      navigate({ screen: 'customer', id: customer.id });
    } catch (error) {
      setProblem(problemAfterSave(form, error, customerFieldOf));
      setSaving(false);
    }
  });

  return (
    <form className="screen" onSubmit={save} noValidate>
      <Stack gap="lg">
        <PageHeader
          above={
            <AppLink to={{ screen: 'customers' }} fz="sm">
              ← Customers
            </AppLink>
          }
          title="Add a customer"
          description="Only the name is needed now; you can add the rest whenever you like."
        />
        <Section title="Details">
          <CustomerFields form={form} />
        </Section>
        <SaveBar problem={problem && <FormProblem>{problem}</FormProblem>}>
          <Button variant="default" onClick={() => navigate({ screen: 'customers' })}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Add customer
          </Button>
        </SaveBar>
      </Stack>
    </form>
  );
}
