import { ERROR_MESSAGES, type ErrorKey } from '../../../../shared/error-messages.js';
import type { AppErrorCode } from '../../../../shared/errors.js';

/**
 * English for errors. The catalog's own English is the English: imported, never
 * copied, so the page says exactly what main's `message` says.
 */
export const catalog: Record<ErrorKey, string> = ERROR_MESSAGES;

/** What a code means when an error carries no key the page knows (an older journal, a newer main). */
export const codes: Record<`error.code.${AppErrorCode}`, string> = {
  'error.code.invalid_request': 'The request is not valid.',
  'error.code.auth': 'APIMart did not accept the API key. Check the key in Settings.',
  'error.code.payment_required': 'Your APIMart balance is too low for this job. Top up your balance, then retry.',
  'error.code.permission': 'This is not allowed.',
  'error.code.not_found': 'That is no longer there.',
  'error.code.idempotency_in_progress': 'APIMart is still processing this submission; Keyframe will check again.',
  'error.code.idempotency_conflict': 'APIMart saw this submission used with different settings. Retry it as a new job.',
  'error.code.idempotency_indeterminate': 'APIMart cannot tell whether this submission went through. Check your APIMart console before retrying.',
  'error.code.too_large': 'The file is too large.',
  'error.code.unsupported_media': 'This kind of file cannot be used.',
  'error.code.rate_limited': 'APIMart is rate limiting requests; Keyframe will retry shortly.',
  'error.code.server_error': 'APIMart had a server error; Keyframe will retry.',
  'error.code.unavailable': 'The service is temporarily unavailable; try again shortly.',
  'error.code.network': 'Could not reach the network; Keyframe will retry.',
  'error.code.timeout': 'No answer came in time; Keyframe will retry.',
  'error.code.bad_response': 'APIMart sent a reply Keyframe could not read.',
  'error.code.content_policy': 'The provider refused this under its content policy.',
  'error.code.generation_failed': 'The generation failed. Failed generations are not charged.',
  'error.code.cancelled': 'Cancelled.',
  'error.code.link_expired': 'The download link for this video has expired.',
  'error.code.download_failed': 'The video could not be downloaded.',
  'error.code.invalid_file': 'The file is not valid.',
  'error.code.missing_key': 'No APIMart API key is set. Add your key in Settings.',
  'error.code.io': 'Keyframe could not read or write a file.',
  'error.code.disk_full': 'The disk is full: free some space.',
  'error.code.busy': 'Keyframe is busy with other requests; try again in a moment.',
  'error.code.duplicate_submit': 'The same job was queued moments ago, so it was not queued again.',
  'error.code.corrupt_data': 'A saved record is damaged.',
  'error.code.internal': 'Something went wrong in Keyframe.',
};

/**
 * Param values the page translates: the request field a message names, and why
 * a frame URL's host is not public. English keeps main's words (the field's own
 * name), so the English page says what main's `message` says.
 */
export const paramWords = {
  'error.field.request': 'request',
  'error.field.model': 'model',
  'error.field.prompt': 'prompt',
  'error.field.negative_prompt': 'negative_prompt',
  'error.field.duration': 'duration',
  'error.field.aspect_ratio': 'aspect_ratio',
  'error.field.resolution': 'resolution',
  'error.field.first_frame_image': 'first_frame_image',
  'error.field.last_frame_image': 'last_frame_image',
  'error.field.seed': 'seed',
  'error.field.sample_count': 'sample_count',
  'error.field.generate_audio': 'generate_audio',
  'error.field.person_generation': 'person_generation',
  'error.field.resize_mode': 'resize_mode',
  'error.field.enhance_prompt': 'enhance_prompt',
  'error.field.outputDir': 'outputDir',
  'error.field.nameTemplate': 'nameTemplate',
  'error.field.concurrency': 'concurrency',
  'error.field.language': 'language',
  'error.field.theme': 'theme',
  'error.field.demoMode': 'demoMode',
  'error.field.dailyCapUsd': 'dailyCapUsd',
  'error.field.monthlyCapUsd': 'monthlyCapUsd',
  'error.field.key': 'key',
  'error.field.tags': 'tags',
  'error.field.id': 'id',
  'error.why.unspecified': 'unspecified',
  'error.why.private': 'private',
  'error.why.shared (carrier-grade NAT)': 'shared (carrier-grade NAT)',
  'error.why.loopback': 'loopback',
  'error.why.link-local': 'link-local',
  'error.why.reserved': 'reserved',
  'error.why.documentation': 'documentation',
  'error.why.multicast': 'multicast',
  'error.why.broadcast': 'broadcast',
  'error.why.not a valid address': 'not a valid address',
  'error.why.empty': 'empty',
  'error.why.local-only name': 'local-only name',
  'error.why.single-label name': 'single-label name',
} as const;

/** The catalog under `error.<key>`, so one table per language holds every word of the page. */
export const errors = { ...codes, ...paramWords, ...prefixed(catalog) };

/** A catalog table under `error.<key>`: the page's tables hold feature keys too, and the prefix keeps the two apart. */
export function prefixed(table: Record<ErrorKey, string>): Record<`error.${ErrorKey}`, string> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [`error.${k}`, v])) as Record<`error.${ErrorKey}`, string>;
}
