// Journey 2 (elevhälsa): flags inbox, cases list and the case page's panels (not mapping or plan).
export const triage = {};
