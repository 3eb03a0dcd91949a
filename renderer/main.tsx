import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickTransport, setTransport } from './api';
import { App } from './App';
import { theme } from './theme';

setTransport(pickTransport(window));

// The page runs under a CSP without 'unsafe-inline' styles, so Mantine must not inject
// <style> tags: its CSS variables come from styles.css and ours from styles.css, and no
// component may use responsive style props, Grid, SimpleGrid, Flex or AppShell (they do).
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} withCssVariables={false} withGlobalClasses={false}>
      <App />
    </MantineProvider>
  </StrictMode>,
);
