import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function SummaryPanel(_props: PanelProps) {
  return null;
}
