import { PolyaxonException } from '@px/errors';
import { describe, expect, it } from 'vitest';
import { ApiError, ForbiddenError, NotFoundError, UnauthorizedError, createApiError } from './api-error';

describe('ApiError', () => {
  it('picks a subclass per status and keeps the details', () => {
    const e = createApiError({ status: 403, method: 'GET', url: 'http://h/api/v1/x', body: { detail: 'no' } });
    expect(e).toBeInstanceOf(ForbiddenError);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(PolyaxonException);
    expect(e.isForbidden).toBe(true);
    expect(e.message).toContain('GET http://h/api/v1/x failed with status 403');
    expect(createApiError({ status: 401, method: 'GET', url: 'u' })).toBeInstanceOf(UnauthorizedError);
    expect(createApiError({ status: 404, method: 'GET', url: 'u' })).toBeInstanceOf(NotFoundError);
    expect(createApiError({ status: 500, method: 'GET', url: 'u' }).isServerError).toBe(true);
  });

  it('works across package copies via isInstance', () => {
    const e = createApiError({ status: 404, method: 'GET', url: 'u' });
    expect(NotFoundError.isInstance(e)).toBe(true);
    expect(UnauthorizedError.isInstance(e)).toBe(false);
  });

  it('reports the server 405 crash page as a server error, not a method error (api-samples 63, 70)', () => {
    const crash = createApiError({ status: 405, method: 'POST', url: 'u', allow: 'GET, HEAD, OPTIONS' });
    expect(crash.serverCrash).toBe(true);
    expect(crash.isServerError).toBe(true);
    expect(crash.hint).toMatch(/internal error/);
    expect(crash.message).not.toMatch(/unsupported method/);
    // a real 405 lists other methods and the one sent is not a crash only when Allow omits it
    expect(createApiError({ status: 405, method: 'GET', url: 'u', allow: 'GET, HEAD, OPTIONS' }).serverCrash).toBe(false);
    expect(createApiError({ status: 405, method: 'POST', url: 'u' }).serverCrash).toBe(false);
    expect(createApiError({ status: 405, method: 'POST', url: 'u', allow: 'GET', body: { detail: 'Method "POST" not allowed.' } }).serverCrash).toBe(false);
  });
});
