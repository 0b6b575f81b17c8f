import { PRICE_LIST_URL } from '../../shared/domain/prices.js';

/**
 * Where the app fetches the provider's price list: PRICE_LIST_URL, or
 * KEYFRAME_PRICE_LIST_URL when set (an empty value turns fetching off, so a
 * test run or an offline install never reaches out).
 */
export function priceListUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  const override = env.KEYFRAME_PRICE_LIST_URL;
  if (override === undefined) return PRICE_LIST_URL;
  return override.trim() === '' ? undefined : override.trim();
}
