/**
 * metav1.Status bodies, shaped as the API server writes them (apimachinery
 * pkg/api/errors): kubectl prints `Error from server (Reason): message` from them, client
 * libraries read `reason`, `code` and `details`.
 */
import { ApiError, type StatusCause } from '../api/errors';
import type { ResourceType } from '../api/registry';
import type { RestResponse } from './types';

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: { reason?: string; message: string; field: string }[]; retryAfterSeconds?: number };
  code: number;
}

/** field.ErrorType by the words its ErrorBody starts with (the cause's `reason`). */
const CAUSE_REASONS: [string, string][] = [
  ['Required value', 'FieldValueRequired'],
  ['Invalid value', 'FieldValueInvalid'],
  ['Unsupported value', 'FieldValueNotSupported'],
  ['Duplicate value', 'FieldValueDuplicate'],
  ['Forbidden', 'FieldValueForbidden'],
  ['Too long', 'FieldValueTooLong'],
  ['Too many', 'FieldValueTooMany'],
  ['Not found', 'FieldValueNotFound'],
  ['Internal error', 'InternalError'],
];

function causeOf(c: StatusCause): { reason?: string; message: string; field: string } {
  const reason = c.reason ?? CAUSE_REASONS.find(([prefix]) => c.message.startsWith(prefix))?.[1];
  return reason ? { reason, message: c.message, field: c.field } : { message: c.message, field: c.field };
}

/** The Status for an error the engine raised; `type` fills details.kind/group as the server does for a resource's errors. */
export function errorStatus(e: ApiError, type?: ResourceType): StatusBody {
  const details: NonNullable<StatusBody['details']> = {};
  if (e.details.name !== undefined) details.name = e.details.name;
  if (type) {
    if (type.group) details.group = type.group;
    // Invalid names the kind; NotFound, AlreadyExists and Conflict the resource.
    details.kind = e.reason === 'Invalid' ? type.kind : type.resource;
  } else if (e.details.kind) details.kind = e.details.kind;
  if (e.details.causes?.length) details.causes = e.details.causes.map(causeOf);
  if (e.reason === 'TooManyRequests') details.retryAfterSeconds = 1;
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: e.message, reason: e.reason, code: e.code };
  if (Object.keys(details).length) body.details = details;
  return body;
}

/** A JSON answer (with `Warning` headers when there are any). */
export function jsonResponse(status: number, body: unknown, warnings?: string[]): RestResponse {
  return warnings?.length ? { status, contentType: 'application/json', body, warnings } : { status, contentType: 'application/json', body };
}

export function statusResponse(body: StatusBody): RestResponse {
  return { status: body.code, contentType: 'application/json', body };
}

export function errorResponse(e: ApiError, type?: ResourceType): RestResponse {
  return statusResponse(errorStatus(e, type));
}

/** A failure with no engine error behind it (a bad URL, a body that does not decode). */
export function failure(code: number, reason: string, message: string, details?: StatusBody['details']): RestResponse {
  const body: StatusBody = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) body.details = details;
  return statusResponse(body);
}

export function success(details: StatusBody['details']): RestResponse {
  return { status: 200, contentType: 'application/json', body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 } };
}

/** The 404 for a path nothing serves (the mux's NotFound: reason NotFound, "the server could not find the requested resource"). */
export function pageNotFound(): RestResponse {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

