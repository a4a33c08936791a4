// RFC 9457 problem details as the web app sees them: every refused or failed call is an ApiError.

export interface FieldProblem {
  field: string;
  /** Machine-readable (see problem-texts.ts); older stored import reports may lack it. */
  code?: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

/** A failed answer as ApiError: the problem document, or just the status when it has none. */
export function toApiError(status: number, body: unknown): ApiError {
  const problem = body && typeof body === 'object' ? (body as Problem) : {};
  return new ApiError({ ...problem, status } as Problem);
}

/** A failed Response as ApiError (its body read as a problem document when it is one). */
export async function responseError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    // Not a problem document (a proxy error page): the status says enough.
  }
  return toApiError(response.status, body);
}
