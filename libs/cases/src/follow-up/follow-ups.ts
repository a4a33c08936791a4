// Kept only for cases.service.ts, which imports scheduleFollowUps from here and was edited by
// another helper at the time of the split: point it at './follow-up/follow-ups.service' and delete this file.
export { scheduleFollowUps } from './follow-ups.service';
