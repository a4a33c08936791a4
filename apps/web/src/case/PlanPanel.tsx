import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function PlanPanel(_props: PanelProps) {
  return null;
}
