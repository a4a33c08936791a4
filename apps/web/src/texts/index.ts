import { sv } from './sv';

// One language for now; the shape of `sv` is the contract for the next one.
export const texts = sv;
export type Texts = typeof sv;
