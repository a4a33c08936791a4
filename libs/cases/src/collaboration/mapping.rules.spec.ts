import type { ConsentScope } from '@app/access';
import { MAPPING_SECTIONS } from './mapping.dto';
import { readableSections } from './mapping.rules';

const sections = (...scopes: ConsentScope[]) => [...readableSections(new Set(scopes))].sort();

describe('readable mapping sections', () => {
  it('opens nothing without the mapping scope, whatever else the consent covers', () => {
    expect(sections('case_summary', 'health_notes', 'plan')).toEqual([]);
  });

  it('opens every section but health with mapping alone', () => {
    expect(sections('mapping')).toEqual(MAPPING_SECTIONS.filter((s) => s !== 'health').sort());
  });

  it('opens health too with mapping and health_notes (as the school sees it)', () => {
    expect(sections('mapping', 'health_notes')).toEqual([...MAPPING_SECTIONS].sort());
  });
});
