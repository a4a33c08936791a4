import { caseTexts } from './case';
import { common } from './common';

/** Every text the app shows, in Swedish. Areas add their own file and one line here. */
export const sv = {
  common,
  case: caseTexts,
};
