import type { ConsentScope } from '@app/access';
import { MAPPING_SECTIONS, MappingSection } from './mapping.dto';

/**
 * The sections the caller may read: all of them for the school; for an outside agency, consent
 * scope `mapping` opens the mapping and the `health` section also needs `health_notes`.
 */
export function readableSections(scopes: ReadonlySet<ConsentScope>): Set<MappingSection> {
  if (!scopes.has('mapping')) return new Set();
  return new Set(MAPPING_SECTIONS.filter((s) => s !== 'health' || scopes.has('health_notes')));
}
