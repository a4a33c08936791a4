// The case page (/arenden/:id): its tabs. Each panel keeps its own texts below its key.
export const caseTexts = {
  title: 'Ärende',
  heading: (reference: string, status: string, pupil: string | null) =>
    pupil ? `Ärende ${reference} · ${status} · ${pupil}` : `Ärende ${reference} · ${status}`,
  tabs: {
    summary: 'Översikt',
    consent: 'Samtycke',
    mobilisation: 'Mobilisering',
    meetings: 'Möten',
    mapping: 'Kartläggning',
    plan: 'Handlingsplan',
    timeline: 'Tidslinje',
    leadTimes: 'Ledtider',
  },
};
