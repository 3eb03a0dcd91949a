/** The calm line that says what an action did ("Harbour Café · Approved."), until dismissed. */
import { Alert, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';

export function DoneNotice(props: { who: string; message: string; onClose: () => void }) {
  return (
    <Alert
      color="teal"
      variant="light"
      role="status"
      icon={<IconCircleCheck size={20} />}
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={props.onClose}
      aria-label="Done"
    >
      <Text fz="sm">
        <Text span fw={600} fz="sm">
          {props.who}
        </Text>
        {' · '}
        {props.message}
      </Text>
    </Alert>
  );
}
