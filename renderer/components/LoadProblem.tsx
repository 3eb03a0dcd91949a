import { Alert, Button, Stack, Text } from '@mantine/core';

/** A load that failed: what went wrong, in the API's words, and a way to try again. */
export function LoadProblem(props: { error: Error; onRetry: () => void; what?: string }) {
  return (
    <Alert color="red" title={`We could not load ${props.what ?? 'this'}`} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{props.error.message}</Text>
        <Button size="xs" variant="white" color="red" onClick={props.onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}
