/**
 * Every error the API answers with has one of these codes. The HTTP status is part of the code's
 * definition so that a code never travels with two different statuses.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  CSRF_INVALID: 403,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATED: 422,
  CAPTCHA_INVALID: 422,
  SMS_CODE_INVALID: 422,
  SMS_TOO_FREQUENT: 429,
  SMS_DAILY_LIMIT: 429,
  CREDENTIALS_INVALID: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  /** TWO_FACTOR_REQUIRED names this kind of account: it may only turn on 两步验证 until it has. */
  TWO_FACTOR_REQUIRED: 403,
  /** The second login step came too late (5 minutes), twice, or for no login at all. */
  LOGIN_STEP_EXPIRED: 401,
  CREDIT_CODE_TAKEN: 409,
  PHONE_TAKEN: 409,
  PHONE_UNCHANGED: 422,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

/** The body of every non-2xx answer. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  requestId?: string;
  details?: unknown;
}

/** One invalid field, named in Chinese so that a clerk knows what to correct. */
export interface FieldIssue {
  field: string;
  label: string;
  message: string;
}
