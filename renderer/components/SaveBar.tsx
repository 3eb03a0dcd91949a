import { Alert, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

/** The foot of a form: what went wrong, if anything, above its buttons. */
export function SaveBar(props: { problem?: ReactNode; children: ReactNode }) {
  return (
    <div className="save-bar">
      <Stack gap="sm">
        {props.problem}
        <Group justify="flex-end">{props.children}</Group>
      </Stack>
    </div>
  );
}

/** A form-level problem, in red, announced to screen readers. */
export function FormProblem(props: { children: ReactNode }) {
  return (
    <Alert color="red" role="alert">
      {props.children}
    </Alert>
  );
}
