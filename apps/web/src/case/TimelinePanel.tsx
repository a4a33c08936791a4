import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function TimelinePanel(_props: PanelProps) {
  return null;
}
