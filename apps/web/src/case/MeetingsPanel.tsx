import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function MeetingsPanel(_props: PanelProps) {
  return null;
}
