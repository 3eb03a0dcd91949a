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

/** A problem in red, announced to screen readers; closable when `onClose` is given. */
export function FormProblem(props: { children: ReactNode; onClose?: () => void }) {
  return (
    <Alert
      color="red"
      role="alert"
      withCloseButton={props.onClose !== undefined}
      {...(props.onClose ? { onClose: props.onClose } : {})}
    >
      {props.children}
    </Alert>
  );
}
