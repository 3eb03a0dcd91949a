import { Button, Divider, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Customer } from '../../../shared/ledger';
import { call } from '../../api';
import { problemAfterSave } from '../../components/field-issues';
import { CustomerFields } from './CustomerFields';
import { CustomerFlagsFields } from './CustomerFlagsFields';
import { customerFieldOf, toCustomerPatch, useCustomerForm, valuesOf } from './customer-form';
import { FormProblem } from '../../components/SaveBar';

export function EditCustomerModal(props: {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
  onSaved: (customer: Customer) => void;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Edit details" size="lg">
      {/* Mounted only while open, so each opening starts from the saved details. */}
      {props.opened && <EditForm {...props} />}
    </Modal>
  );
}

function EditForm(props: {
  customer: Customer;
  onClose: () => void;
  onSaved: (customer: Customer) => void;
}) {
  const form = useCustomerForm(valuesOf(props.customer));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = form.onSubmit(async (values) => {
    setSaving(true);
    setProblem(null);
    try {
      props.onSaved(await call('customers.update', toCustomerPatch(props.customer.id, values)));
    } catch (error) {
      setProblem(problemAfterSave(form, error, customerFieldOf));
    } finally {
      setSaving(false);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="lg">
        <CustomerFields form={form} />
        <Divider />
        <div>
          <Text fw={600} mb="sm">
            Flags
          </Text>
          <CustomerFlagsFields form={form} />
        </div>
        {problem && <FormProblem>{problem}</FormProblem>}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
