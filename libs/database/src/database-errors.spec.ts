import { classifyDatabaseError } from './database-errors';

describe('classifyDatabaseError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'unavailable'],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'unavailable'],
    [{ code: '55000', message: 'database "x" is not currently accepting connections' }, 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [{ driverError: { code: '23505' } }, 'unique_violation'],
    [{ driverError: { code: '23503' } }, 'foreign_key_violation'],
    [{ driverError: { code: '23514' } }, 'check_violation'],
    [{ driverError: { code: '40001' } }, 'serialization_failure'],
    [{ driverError: { code: '22P02' } }, 'invalid_input'],
    [{ driverError: { code: '22021' } }, 'invalid_input'],
    [{ driverError: { code: '22P05' } }, 'invalid_input'],
    [{ driverError: { code: '22009' } }, 'invalid_input'],
    [{ code: '55000', message: 'something else' }, null],
    [new Error('boom'), null],
    [undefined, null],
  ])('%j is %s', (error, kind) => {
    expect(classifyDatabaseError(error)).toBe(kind);
  });
});
