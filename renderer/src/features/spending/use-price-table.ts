import { useEffect, useState } from 'react';
import type { PriceTableView } from '../../../../shared/ipc/views.js';
import { api } from '../../api';
import type { MessageKey } from '../../i18n';

/** The price table main prices with (bundled, or fetched from the provider), asked once per mount; undefined until it answers. */
export function usePriceTable(): PriceTableView | undefined {
  const [table, setTable] = useState<PriceTableView | undefined>();
  useEffect(() => {
    let alive = true;
    api.cost.prices({}).then(
      (t) => alive && setTable(t),
      // Unknown stays unknown: the line says "loading" rather than a date it cannot vouch for.
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return table;
}

/** "Prices: bundled table of 2026-09-14" / "Prices: fetched 2026-09-20". */
export function priceSourceKey(table: Pick<PriceTableView, 'source'> | undefined): MessageKey {
  if (!table) return 'prices.loading';
  return table.source === 'fetched' ? 'prices.fetched' : 'prices.bundled';
}
