/**
 * Classifies errors from the PostgreSQL driver so that the HTTP layer can answer with the
 * right status without knowing SQL. Codes: https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
export type DatabaseErrorKind =
  | 'unavailable'
  | 'unique_violation'
  | 'foreign_key_violation'
  | 'check_violation'
  | 'not_null_violation'
  | 'serialization_failure'
  | 'invalid_input';

interface DriverError {
  code?: string;
  message?: string;
  constraint?: string;
  driverError?: DriverError;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

export function classifyDatabaseError(error: unknown): DatabaseErrorKind | null {
  if (!error || typeof error !== 'object') return null;
  const outer = error as DriverError;
  const e = outer.driverError ?? outer;
  const code = e.code ?? '';
  const message = e.message ?? outer.message ?? '';
  if (NETWORK_CODES.has(code)) return 'unavailable';
  // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now;
  // 53300: too many connections; 3D000: the database is gone.
  if (code.startsWith('08') || /^57P0[123]$/.test(code) || code === '53300' || code === '3D000') {
    return 'unavailable';
  }
  if (code === '55000' && /not currently accepting connections/.test(message)) return 'unavailable';
  if (
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|terminating connection/i.test(
      message,
    )
  ) {
    return 'unavailable';
  }
  switch (code) {
    case '23505':
      return 'unique_violation';
    case '23503':
      return 'foreign_key_violation';
    case '23514':
      return 'check_violation';
    case '23502':
      return 'not_null_violation';
    case '40001':
    case '40P01':
      return 'serialization_failure';
    // Class 22, data exceptions a client's value can cause: bad text for a type (22P02),
    // date/time format and range (22007, 22008, 22009 time zone), numeric range (22003), too long
    // (22001), a character the encoding cannot hold (22021 NUL in text, 22P05 NUL in JSONB),
    // bad parameter, escape or regular expression (22023, 22025, 2201B).
    case '22P02':
    case '22007':
    case '22008':
    case '22009':
    case '22003':
    case '22001':
    case '22021':
    case '22P05':
    case '22023':
    case '22025':
    case '2201B':
      return 'invalid_input';
    default:
      return null;
  }
}

/** The constraint name of a constraint violation, if the driver reported one. */
export function violatedConstraint(error: unknown): string | undefined {
  const e = error as DriverError | undefined;
  return e?.driverError?.constraint ?? e?.constraint;
}
