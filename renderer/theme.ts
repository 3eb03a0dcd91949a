import { createTheme, Drawer, Modal } from '@mantine/core';

/** Calm teal, rounded corners, the system's own fonts. Colours are mirrored in styles.css. */
export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // Locking the page's scroll injects a <style> tag, which the CSP refuses.
    Modal: Modal.extend({ defaultProps: { lockScroll: false } }),
    Drawer: Drawer.extend({ defaultProps: { lockScroll: false } }),
  },
});
