import createClient from 'openapi-fetch';
import { ApiError, toApiError } from './problem';
import { sessionFetch } from './session-fetch';
import type { components, paths } from './generated/api-schema';

// The API client generated from the server's OpenAPI document (generated/api-schema.ts, written by
// `npm run api:types`): paths, parameters, bodies and answers are the server's own types, so a
// change of the API that the web app does not follow fails `npm run typecheck` and the web build.

/** The API's schemas by name, e.g. `Schemas['UserDto']`. */
export type Schemas = components['schemas'];

export const client = createClient<paths>({ baseUrl: '', fetch: sessionFetch });

/** The data of a successful answer, or ApiError (RFC 9457 problem details) for a failed one. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError({ status: 0, title: 'network' });
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}

/** The data of a successful answer with its ETag (optimistic locking: sent back as If-Match), or ApiError. */
export async function dataWithEtag<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; etag: string | null }> {
  let etag: string | null = null;
  const body = await data(
    call.then((result) => {
      etag = result.response.headers.get('ETag');
      return result;
    }),
  );
  return { data: body, etag };
}
