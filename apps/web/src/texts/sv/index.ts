import { agency } from './agency';
import { caseTexts } from './case';
import { common } from './common';
import { followUp } from './followUp';
import { interventions } from './interventions';
import { planning } from './planning';
import { pupils } from './pupils';
import { retention } from './retention';
import { screens } from './screens';
import { signIn } from './signIn';
import { schoolData } from './schoolData';
import { triage } from './triage';

/** Every text the app shows, in Swedish, one file per area of the app. */
export const sv = {
  common,
  case: caseTexts,
  pupils,
  triage,
  planning,
  agency,
  screens,
  signIn,
  interventions,
  schoolData,
  retention,
  followUp,
};
