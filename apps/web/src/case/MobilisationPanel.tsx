import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function MobilisationPanel(_props: PanelProps) {
  return null;
}
