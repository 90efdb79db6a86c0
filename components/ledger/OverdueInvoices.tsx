import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { LedgerEntry } from '../../services/db/db';
import { tn, t } from '../../services/i18n';

// The popup's "invoices overdue": loaded after first paint (Dexie and the ledger are their own chunk),
// each one click from its record in the dashboard's ledger.
const load = () => Promise.all([import('../../services/ledger/store'), import('./labels')]);
type Loaded = Awaited<ReturnType<typeof load>>;

export function OverdueInvoices() {
  const [data, setData] = useState<{ entries: LedgerEntry[]; mods: Loaded } | null>(null);
  useEffect(() => {
    let live = true;
    void load()
      .then(async (mods) => ({ entries: await mods[0].overdueEntries(), mods }))
      .then((d) => live && setData(d))
      .catch((err: unknown) => console.error('Overdue invoices not read', err));
    return () => {
      live = false;
    };
  }, []);
  if (!data || data.entries.length === 0) return null;
  const [store, labels] = data.mods;
  return (
    <section aria-labelledby="overdue-invoices-heading">
      <h2 id="overdue-invoices-heading">{t('ledgerOverdueHeading')}</h2>
      <p class="muted">{tn('ledgerOverdueCount', data.entries.length)}</p>
      <ul class="plain" data-testid="invoices-overdue">
        {data.entries.map((e) => (
          <li key={e.id} class="row">
            <a
              href={store.ledgerUrl(e.id)}
              style={{ flex: 1 }}
              onClick={(ev) => {
                ev.preventDefault();
                void browser.tabs.create({ url: store.ledgerUrl(e.id) });
              }}
            >
              {e.supplierName || e.supplierEmail} · {e.number}
            </a>
            <span class="chip severity-critical">
              {labels.money(e.total, e.currency)} · {labels.dayLabel(e.dueDate)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
