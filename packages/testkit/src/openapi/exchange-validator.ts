import { loadSpecs, schemasDir } from './load-specs';
import { OpenApiValidator } from './openapi-validator';

/** A request as the validator sees it. */
export interface ExchangeRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  /** Parsed JSON body, undefined when empty or streamed. */
  json: unknown;
  contentType: string | undefined;
}

/** A response as the validator sees it. */
export interface ExchangeResponse {
  method: string;
  pathname: string;
  status: number;
  /** JSON body, undefined when not JSON. */
  json: unknown;
  /** Whether any body bytes are sent. */
  hasBody: boolean;
}

/** Result of validating one side of an exchange. */
export interface ValidationOutcome {
  /** The matched OpenAPI operation. */
  operationId?: string;
  /** Mismatches (empty when valid). */
  errors: string[];
}

/** Validates both sides of HTTP exchanges against the official OpenAPI. */
export interface ExchangeValidator {
  request(request: ExchangeRequest): ValidationOutcome;
  response(response: ExchangeResponse): ValidationOutcome;
}

let shared: OpenApiValidator | null | undefined;

/** The process-wide validator, or undefined when the official schemas are not available. */
export function sharedValidator(): OpenApiValidator | undefined {
  if (shared === undefined) {
    const dir = schemasDir();
    shared = dir ? new OpenApiValidator(loadSpecs(dir)) : null;
  }
  return shared ?? undefined;
}

/** The exchange validator, or undefined when the official schemas are not available. */
export function loadExchangeValidator(): ExchangeValidator | undefined {
  return sharedValidator();
}
