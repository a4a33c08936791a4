import '@mantine/core/styles.css';
import './app.css';
import { Badge, createTheme, MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { SessionProvider } from './session';

// Darker shades than Mantine's defaults, so text on filled buttons and links meets WCAG AA contrast.
const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  focusRing: 'always',
  components: {
    // A badge is never narrower than its words: in a narrow table column it would be cut to "TACK…".
    Badge: Badge.extend({ defaultProps: { miw: 'max-content' } }),
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <BrowserRouter>
        <SessionProvider>
          <App />
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
