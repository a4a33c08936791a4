import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function ConsentPanel(_props: PanelProps) {
  return null;
}
