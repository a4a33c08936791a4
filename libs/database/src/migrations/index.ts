import { Foundation1795000000000 } from './1795000000000-foundation';
import { Identity1795000100000 } from './1795000100000-identity';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [Foundation1795000000000, Identity1795000100000];
