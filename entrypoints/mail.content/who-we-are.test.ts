import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whoWeAre } from './who-we-are';
import { LEARNED_ADDRESSES_KEY, UNLEARNED_ADDRESSES_KEY } from '../../services/mail-sites/ours';
import { message, thread } from '../../services/assistant/testing-fixtures';

// A reply drafted here, then sent from an alias: the alias is learnt as the business's own, unless
// the user removed it in Options (written by hand for this test).
const DRAFT = 'Hola Marta: ya hemos enviado el pedido 48213 por mensajería urgente y llegará mañana.';

beforeEach(() => fakeBrowser.reset());

async function sentFrom(email: string) {
  const us = await whoWeAre(new AbortController().signal, () => {});
  us.inserted(DRAFT);
  const snapshot = thread([
    message({ id: 'm1', from: { name: 'Tienda', email }, text: `${DRAFT}\n\nUn saludo` }),
  ]);
  await us.learn({ ok: true, snapshot });
  return (await fakeBrowser.storage.local.get(LEARNED_ADDRESSES_KEY))[LEARNED_ADDRESSES_KEY] ?? [];
}

describe('learning our own addresses', () => {
  it('learns the alias a drafted reply was sent from', async () => {
    expect(await sentFrom('pedidos@tienda.es')).toEqual(['pedidos@tienda.es']);
  });

  it('never learns again an address the user removed in Options', async () => {
    await fakeBrowser.storage.local.set({ [UNLEARNED_ADDRESSES_KEY]: ['pedidos@tienda.es'] });
    expect(await sentFrom('pedidos@tienda.es')).toEqual([]);
  });
});
