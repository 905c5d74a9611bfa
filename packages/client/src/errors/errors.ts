export { ApiError, ForbiddenError, NotFoundError, UnauthorizedError, createApiError, type ApiErrorInit } from './api-error';
export { ApiConnectionError, PolyaxonClientException } from './client-error';
