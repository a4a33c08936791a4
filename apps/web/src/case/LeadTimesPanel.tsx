import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function LeadTimesPanel(_props: PanelProps) {
  return null;
}
