export { ApiError, ForbiddenError, NotFoundError, UnauthorizedError, createApiError, type ApiErrorInit } from './api-error';
export { PolyaxonClientException } from './client-error';
