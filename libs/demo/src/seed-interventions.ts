import { InterventionRepository } from '@app/interventions';
import { demoId } from './demo-data';
import { repository, SeedStep } from './seed-step';

/**
 * The municipality's intervention catalogue (insatskatalog): what the agencies around the pupils
 * offer, so that plan actions and pupils' courses can name them. One retired entry shows that
 * retired interventions stay for history.
 */
export const DEMO_INTERVENTIONS = [
  {
    key: 'mst',
    name: 'MST (multisystemisk terapi)',
    description: 'Intensiv familje- och nätverksbaserad behandling i hemmet under 3–5 månader.',
    providerAgencyType: 'social_services',
    evidenceBased: true,
    targetGroup: 'Ungdomar 12–17 år med allvarliga beteendeproblem',
    active: true,
  },
  {
    key: 'komet',
    name: 'Komet (föräldraprogram)',
    description: 'Föräldraprogram i grupp för föräldrar till barn med utagerande beteende.',
    providerAgencyType: 'social_services',
    evidenceBased: true,
    targetGroup: 'Föräldrar till barn 3–18 år',
    active: true,
  },
  {
    key: 'narvaroteam',
    name: 'Närvaroteamets stödinsats',
    description: 'Samordnat stöd från skola, socialtjänst och region för att eleven ska komma tillbaka till skolan.',
    providerAgencyType: 'school',
    evidenceBased: false,
    targetGroup: 'Elever med problematisk skolfrånvaro',
    active: true,
  },
  {
    key: 'bup',
    name: 'BUP behandling',
    description: 'Utredning och behandling inom barn- och ungdomspsykiatrin.',
    providerAgencyType: 'bup',
    evidenceBased: true,
    targetGroup: 'Barn och unga med psykisk ohälsa',
    active: true,
  },
  {
    key: 'habilitering',
    name: 'Habiliteringens stöd vid NPF',
    description: 'Stöd och anpassningar för barn med neuropsykiatriska funktionsnedsättningar och deras familjer.',
    providerAgencyType: 'habilitation',
    evidenceBased: false,
    targetGroup: 'Barn och unga med NPF-diagnos',
    active: true,
  },
  {
    key: 'lagerverksamhet',
    name: 'Lägerverksamhet (avslutad)',
    description: 'Sommarläger för unga; erbjuds inte längre.',
    providerAgencyType: 'other',
    evidenceBased: false,
    targetGroup: null,
    active: false,
  },
] as const;

export const interventions: SeedStep = {
  name: '009-interventions',
  async run(manager) {
    const admin = demoId('user:admin@ostersund.demo');
    await repository(InterventionRepository, manager).insertInterventions(
      manager,
      DEMO_INTERVENTIONS.map((i) => ({
        id: demoId(`intervention:${i.key}`),
        organisation_id: demoId('org:ostersund'),
        name: i.name,
        description: i.description,
        provider_agency_type: i.providerAgencyType,
        evidence_based: i.evidenceBased,
        target_group: i.targetGroup,
        active: i.active,
        created_by: admin,
      })),
    );
  },
};
