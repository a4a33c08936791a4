import '@mantine/core/styles.css';
import './app.css';
import { Badge, createTheme, CSSVariablesResolver, DEFAULT_THEME, MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { queryClient } from './query';
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

/**
 * WCAG AA contrast (4.5:1) for small text: Mantine's "dimmed" grey (captions, hints, secondary
 * lines), the text of light badges and of outline buttons are too pale on white and on striped
 * rows. axe-core checks this in test/browser/accessibility.browser-spec.ts.
 */
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // A field's error message and its red border (ApiForm): red 6 is too pale for small text.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.keys(DEFAULT_THEME.colors).flatMap((c) => [
        [`--mantine-color-${c}-light-color`, `color-mix(in srgb, var(--mantine-color-${c}-9) 70%, black)`],
        [`--mantine-color-${c}-outline`, `color-mix(in srgb, var(--mantine-color-${c}-9) 85%, black)`],
      ]),
    ),
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <SessionProvider>
            <App />
          </SessionProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
