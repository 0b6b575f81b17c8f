import type { AppErrorCode } from '../../shared/errors.js';

/** Exit codes scripts can rely on (documented in the README). */
export const EXIT = {
  ok: 0,
  /** The generation failed, was refused, or its links expired. */
  failed: 1,
  /** Bad command line or invalid parameter. */
  usage: 2,
  /** No API key, or the key was rejected. */
  auth: 3,
  /** Not enough balance, or a spending cap would be passed: nothing was sent. */
  payment: 4,
  /** The job is kept but needs you: run `keyframe resume` (or see `keyframe jobs`). */
  attention: 5,
  /** Another Keyframe process is running the queue. */
  locked: 6,
  /** Interrupted: the job is journaled and `keyframe resume` continues it. */
  interrupted: 130,
} as const;

export function exitCodeFor(code: AppErrorCode | undefined): number {
  switch (code) {
    case 'invalid_request':
    case 'unsupported_media':
    case 'too_large':
    case 'invalid_file':
      return EXIT.usage;
    case 'auth':
    case 'missing_key':
    case 'permission':
      return EXIT.auth;
    case 'payment_required':
      return EXIT.payment;
    // Nothing is wrong with the job: free some space, then `keyframe resume` (or run the command again).
    case 'disk_full':
      return EXIT.attention;
    default:
      return EXIT.failed;
  }
}
