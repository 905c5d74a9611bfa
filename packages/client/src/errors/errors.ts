export { ApiError, ForbiddenError, NotFoundError, UnauthorizedError, createApiError, type ApiErrorInit } from './api-error';
export { ApiConnectionError, MissingDependencyError, PolyaxonClientException, ResponseTooLargeError } from './client-error';
