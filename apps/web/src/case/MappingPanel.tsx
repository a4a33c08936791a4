import type { PanelProps } from './CasePage';

// Placeholder until this panel is built.
export function MappingPanel(_props: PanelProps) {
  return null;
}
