import type { Filters } from './library-filters';
import { filterWord, SYNTAX_KEYS, tagWord } from './filter-syntax';

/**
 * The chips the search field shows for the filters in force, each named by the word that sets it
 * (`fav:yes`, `tag:hero,night`): reading a chip teaches the syntax. Pure, so the order and the
 * words are tested without a page.
 */

export type Chip =
  | { kind: 'tag'; index: number; word: string }
  | { kind: 'filter'; key: (typeof SYNTAX_KEYS)[number]; word: string }
  /** The takes of one shot (a stack opened); its words are the shot's prompt. */
  | { kind: 'shot'; label: string };

export function chipsOf(filters: Filters, shotLabel: string): Chip[] {
  const chips: Chip[] = [];
  if (filters.shot) chips.push({ kind: 'shot', label: shotLabel });
  (filters.tags ?? []).forEach((group, index) => chips.push({ kind: 'tag', index, word: tagWord(group) }));
  for (const key of SYNTAX_KEYS) {
    const word = filterWord(key, filters);
    if (word) chips.push({ kind: 'filter', key, word });
  }
  return chips;
}

/** The filters without this chip. */
export function withoutChip(filters: Filters, chip: Chip): Partial<Filters> {
  if (chip.kind === 'shot') return { shot: undefined };
  if (chip.kind === 'filter') return { [chip.key]: undefined };
  const tags = (filters.tags ?? []).filter((_, i) => i !== chip.index);
  return { tags: tags.length > 0 ? tags : undefined };
}
