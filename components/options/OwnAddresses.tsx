import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LEARNED_ADDRESSES_KEY, UNLEARNED_ADDRESSES_KEY, addressList } from '../../services/mail-sites/ours';
import { t } from '../../services/i18n';

/**
 * The addresses the extension learnt are the business's own (a reply it drafted, sent from an
 * alias), listed so a wrong one can be removed: the side panel treats mail from them as ours.
 */
export function OwnAddresses() {
  const [learnt, setLearnt] = useState<string[] | null>(null);
  const [removed, setRemoved] = useState<string[]>([]);
  useEffect(() => {
    const read = () =>
      void browser.storage.local.get([LEARNED_ADDRESSES_KEY, UNLEARNED_ADDRESSES_KEY]).then((stored) => {
        setLearnt(addressList(stored[LEARNED_ADDRESSES_KEY]));
        setRemoved(addressList(stored[UNLEARNED_ADDRESSES_KEY]));
      });
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (LEARNED_ADDRESSES_KEY in changes || UNLEARNED_ADDRESSES_KEY in changes))
        read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  async function remove(address: string) {
    const stored = await browser.storage.local.get([LEARNED_ADDRESSES_KEY, UNLEARNED_ADDRESSES_KEY]);
    const next = addressList(stored[LEARNED_ADDRESSES_KEY]).filter((a) => a !== address);
    // Remembered as removed, so the mail page does not learn it again from the same draft.
    const unlearned = addressList([...addressList(stored[UNLEARNED_ADDRESSES_KEY]), address]);
    await browser.storage.local.set({ [LEARNED_ADDRESSES_KEY]: next, [UNLEARNED_ADDRESSES_KEY]: unlearned });
    setLearnt(next);
    setRemoved(unlearned);
  }

  /** A removal undone: the address may be learnt again from a sent draft. */
  async function allowAgain(address: string) {
    const stored = await browser.storage.local.get(UNLEARNED_ADDRESSES_KEY);
    const next = addressList(stored[UNLEARNED_ADDRESSES_KEY]).filter((a) => a !== address);
    await browser.storage.local.set({ [UNLEARNED_ADDRESSES_KEY]: next });
    setRemoved(next);
  }

  if (learnt === null) return null;
  return (
    <section class="card" id="own-addresses" aria-labelledby="own-addresses-heading">
      <h2 id="own-addresses-heading">{t('ownAddressesHeading')}</h2>
      <p class="muted">{t('ownAddressesHelp')}</p>
      {learnt.length === 0 ? (
        <p class="muted" data-testid="own-addresses-empty">
          {t('ownAddressesNone')}
        </p>
      ) : (
        <ul data-testid="own-addresses">
          {learnt.map((address) => (
            <li key={address} class="row">
              <span style={{ flex: 1 }}>{address}</span>
              <button
                type="button"
                aria-label={t('ownAddressRemove', address)}
                onClick={() => void remove(address)}
              >
                {t('ownAddressRemoveButton')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {removed.length > 0 && (
        <details data-testid="own-addresses-removed">
          <summary>{t('ownAddressesRemoved', String(removed.length))}</summary>
          <ul>
            {removed.map((address) => (
              <li key={address} class="row">
                <span style={{ flex: 1 }}>{address}</span>
                <button
                  type="button"
                  aria-label={t('ownAddressAllowAgain', address)}
                  onClick={() => void allowAgain(address)}
                >
                  {t('ownAddressAllowAgainButton')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
