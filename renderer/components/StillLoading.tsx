import { Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { LoadProblem } from './LoadProblem';

/** A screen whose data has not arrived: a spinner, or what went wrong and a way to retry. */
export function StillLoading(props: {
  /** What stays on screen meanwhile: a way back, the screen's header. */
  top: ReactNode;
  error: Error | null | undefined;
  onRetry: () => void;
  what: string;
  wide?: boolean;
}) {
  return (
    <Stack className={props.wide ? 'screen-wide' : 'screen'} gap="lg">
      {props.top}
      {props.error ? (
        <LoadProblem error={props.error} onRetry={props.onRetry} what={props.what} />
      ) : (
        <Loader aria-label="Loading" />
      )}
    </Stack>
  );
}
