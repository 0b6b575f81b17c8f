import { AppFailure } from '../../../shared/errors.js';
import type { Logger } from '../ports.js';
import { mapStrings, redactText, redactValue, replaceSecrets } from '../util/redact.js';

/**
 * The client's one way out for anything a gateway said. A gateway or a proxy in
 * front of it may echo the Authorization header anywhere it can put text: a
 * header, a task's status or error message, an unreadable 2xx body. What the
 * client returns is journaled, pushed to windows and printed by the CLI, which
 * know nothing of the key; so results, failures and log lines all leave the
 * client through one of these, built once per request from the key it sent.
 */
export interface KeyScrubber {
  /**
   * A reply body as it arrives, before anything parses or shortens it: a cut
   * (a 500-character excerpt) could split the key and hide it from the exact
   * match. Only the key itself is replaced here, so JSON stays JSON.
   */
  incoming(text: string): string;
  /**
   * A result on its way out: the key replaced in every string, however nested.
   * Only the key: results hold task ids and links the queue acts on, and
   * shape-based masking (`sk-…`) could alter a link that merely looks like one.
   */
  result<T>(value: T): T;
  /** Whatever was thrown, as an Error whose every text is clean (key and token shapes masked). */
  failure(err: unknown): Error;
  /** The only logger the request code gets. */
  readonly logger: Logger;
}

/** `key` is the secret to remove: undefined when it is no secret (the demo provider's stand-in). */
export function keyScrubber(key: string | undefined, log: Logger): KeyScrubber {
  const secrets = key ? [key] : [];
  const text = (s: string) => redactText(s, secrets);
  const exact = (s: string) => replaceSecrets(s, secrets);
  return {
    incoming: exact,
    result: (value) => mapStrings(value, exact),
    failure(err) {
      if (err instanceof AppFailure) return new AppFailure(mapStrings(err.app, text));
      const clean = new Error(text(err instanceof Error ? err.message : String(err)));
      if (err instanceof Error) clean.name = err.name;
      return clean;
    },
    logger: {
      log: (level, message, fields) => log.log(level, text(message), fields ? (redactValue(fields, secrets) as Record<string, unknown>) : undefined),
    },
  };
}
