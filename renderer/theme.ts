import { createTheme } from '@mantine/core';

/** Calm teal, rounded corners, the system's own fonts. Colours are mirrored in styles.css. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
});
