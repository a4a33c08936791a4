// The case's mapping (kartläggning) and action plan, for the coordinator and the agencies.
export const planning = {};
