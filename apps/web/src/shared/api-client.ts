import i18n from 'i18next';
import createClient from 'openapi-fetch';

import { ApiError } from './api';
import type { paths } from './api-schema';
import { toLocale } from './use-locale';

/**
 * The one client for the API, keyed by the paths of its OpenAPI document (`npm run api:types`):
 * a renamed route, a missing parameter or a wrong body shape fails the typecheck, not a person.
 */
export const api = createClient<paths>({ credentials: 'same-origin', headers: { accept: 'application/json' } });

// Every request asks for the person's language, so the API's messages (refusals, 400s) read in it.
api.use({
  onRequest({ request }) {
    request.headers.set('accept-language', toLocale(i18n.language));
    return request;
  },
});

interface Answer<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The answer's body, or an ApiError carrying the API's code and the message it wrote for people:
 * what react-query and the forms expect (`queryFn: () => unwrap(api.GET('/api/cases', …))`).
 */
export async function unwrap<D>(pending: Promise<Answer<D>>): Promise<D> {
  const { data, error, response } = await pending;
  if (response.ok) return data as D;
  const body = (error ?? {}) as { code?: unknown; message?: unknown };
  throw new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : 'http.error',
    typeof body.message === 'string' ? body.message : response.statusText,
  );
}
