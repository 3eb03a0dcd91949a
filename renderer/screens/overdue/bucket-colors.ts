/** One colour per bucket, calm while current and warmer as an amount gets later. */
import type { MantineColor } from '@mantine/core';
import type { AgingBucket } from '../../../shared/aging';

export const bucketColors: Record<AgingBucket, MantineColor> = {
  current: 'teal.4',
  d1_30: 'yellow.5',
  d31_60: 'orange.5',
  d61_90: 'orange.8',
  d90_plus: 'red.7',
};

/** The colour as CSS, for swatches outside the chart. */
export function cssColor(color: MantineColor): string {
  return `var(--mantine-color-${color.replace('.', '-')})`;
}
