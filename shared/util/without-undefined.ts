/** The keys of T whose value may be undefined. */
type MaybeUndefinedKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? K : never }[keyof T];

/** T with every key whose value may be undefined made optional (and never undefined when present). */
export type WithoutUndefined<T> = { [K in Exclude<keyof T, MaybeUndefinedKeys<T>>]: T[K] } & {
  [K in MaybeUndefinedKeys<T>]?: Exclude<T[K], undefined>;
};

/**
 * A copy without the keys whose value is undefined, in the same key order.
 * Mappings list every key (so the compiler can insist none is forgotten) and
 * write `undefined` for "leave it out"; this turns that into an absent key, so
 * no `"key": undefined` or null ever reaches a body, a request or a file.
 */
export function withoutUndefined<T extends object>(o: T): WithoutUndefined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as WithoutUndefined<T>;
}
