import {
  type ErrorCode,
  type ErrorWord,
  entityMessages,
  errorMessages,
  errorWords,
  type FieldProblemCode,
} from "./error-messages.js";
import type { Locale } from "./locale.js";

const httpStatus: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_request: 400,
  demo_already_loaded: 409,
  demo_accounts_taken: 409,
  invalid_reference: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  cross_site_request: 403,
  not_found: 404,
  export_not_ready: 409,
  invalid_transition: 409,
  version_conflict: 409,
  duplicate: 409,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  request_too_large: 413,
  write_conflict: 409,
  remedy_pending: 409,
  finding_required: 409,
  remedy_decided: 409,
  remedy_not_reversible: 409,
  follow_up_not_independent: 403,
  close_reason_required: 409,
  follow_up_attempts_required: 409,
  complaint_in_quality_case: 409,
  action_verified: 409,
  action_not_done: 409,
  step_not_editable: 409,
  step_not_submitted: 409,
  step_waiting: 409,
  step_incomplete: 409,
  unsupported_media_type: 415,
  too_many_attempts: 429,
  portal_rate_limited: 429,
  portal_code_invalid: 400,
  portal_case_not_found: 404,
  portal_case_closed: 409,
  survey_answered: 409,
  incident_resolved: 409,
  internal: 500,
};

type Params = Record<string, string | number>;

/** An expected failure with a stable code; the message is rendered in the caller's language. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    /** Extra members of the problem document, e.g. `allowed` commands or `errors` per field. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
    this.status = httpStatus[code];
  }

  localized(locale: Locale): string {
    const messages =
      this.params.entity !== undefined && this.code in entityMessages
        ? entityMessages[this.code as keyof typeof entityMessages]
        : errorMessages[this.code];
    return messages[locale].replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = this.params[key];
      if (value === undefined) return "";
      return value in errorWords ? errorWords[value as ErrorWord][locale] : String(value);
    });
  }
}

export const notFound = (entity: ErrorWord) => new AppError("not_found", { entity });
export const forbidden = (reason: ErrorWord = "role_required") =>
  new AppError("forbidden", { reason });
export const badRequest = (reason: ErrorWord) => new AppError("bad_request", { reason });
/**
 * 409 for a change made on a version other than `current`. A complaint's message is worded for
 * it; anything else is named, e.g. `versionConflict(2, "saved_view")`.
 */
export const versionConflict = (current: number, entity?: Exclude<ErrorWord, "complaint">) =>
  new AppError("version_conflict", entity ? { current, entity } : { current }, {
    currentVersion: current,
  });
export const invalidReference = (entity: ErrorWord) =>
  new AppError("invalid_reference", { entity });

/** A 400 naming one field, e.g. `fieldInvalid("body.phone", "invalid_phone")`; the message is localised on the way out. */
export const fieldInvalid = (field: string, code: FieldProblemCode) =>
  new AppError("validation_failed", {}, { errors: [{ field, code }] });
