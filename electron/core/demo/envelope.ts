/**
 * The contract's error envelopes, so a status fault without a body answers the
 * way the real gateway does (see contract.md §4).
 */

export interface ErrorEnvelope {
  error: { code: string | number; message: string; type: string; param?: string };
}

const DEFAULTS: Record<number, { type: string; code: string; message: string }> = {
  400: { type: 'invalid_request_error', code: 'invalid_request', message: 'Invalid request' },
  // A live 401 said apimart_error with an empty code; the message embeds the request id.
  401: { type: 'apimart_error', code: '', message: 'Invalid token' },
  402: { type: 'payment_required', code: 'insufficient_quota', message: 'Insufficient balance, please top up' },
  403: { type: 'permission_error', code: 'model_not_allowed', message: 'This key is not allowed to use this model' },
  404: { type: 'not_found_error', code: 'not_found', message: 'Not found' },
  409: { type: 'idempotency_in_progress', code: 'idempotency_in_progress', message: 'A request with this Idempotency-Key is in progress' },
  413: { type: 'invalid_request_error', code: 'file_too_large', message: 'Request entity too large' },
  429: { type: 'rate_limit_error', code: 'rate_limited', message: 'Too many requests, please slow down' },
  500: { type: 'server_error', code: 'internal_error', message: 'Internal server error' },
  502: { type: 'bad_gateway', code: 'bad_gateway', message: 'Bad gateway: upstream error' },
  503: { type: 'service_unavailable', code: 'service_unavailable', message: 'Service temporarily unavailable' },
  504: { type: 'service_unavailable', code: 'gateway_timeout', message: 'Gateway timeout' },
};

export function errorEnvelope(
  status: number,
  requestId: string,
  override: { type?: string; code?: string | number; message?: string; param?: string } = {},
): ErrorEnvelope {
  const d = DEFAULTS[status] ?? { type: status >= 500 ? 'server_error' : 'invalid_request_error', code: '', message: `HTTP ${status}` };
  const message = override.message ?? d.message;
  const error: ErrorEnvelope['error'] = {
    code: override.code ?? d.code,
    message: status === 401 ? `${message} (request id: ${requestId})` : message,
    type: override.type ?? d.type,
  };
  if (override.param !== undefined) error.param = override.param;
  return { error };
}

/** What the CDN (file host) answers for expired links and file-route status faults. */
export function cdnErrorXml(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>\n`;
}

export function cdnErrorFor(status: number): { code: string; message: string } {
  if (status === 403) return { code: 'AccessDenied', message: 'Request has expired' };
  if (status === 404) return { code: 'NoSuchKey', message: 'The specified key does not exist.' };
  if (status === 416) return { code: 'InvalidRange', message: 'The requested range is not satisfiable' };
  return { code: status >= 500 ? 'InternalError' : 'BadRequest', message: `HTTP ${status}` };
}
