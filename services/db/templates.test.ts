import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import {
  deleteTemplate,
  ensureSeedTemplates,
  exportTemplates,
  importTemplates,
  saveTemplate,
  unknownVariables,
} from './templates';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

describe('template library', () => {
  it('seeds built-ins once and keeps the user’s deletions and edits', async () => {
    await ensureSeedTemplates();
    const count = await db.templates.count();
    expect(count).toBeGreaterThanOrEqual(28); // 7 intents × 2 languages × 2 tones
    const [first, second] = await db.templates.limit(2).toArray();
    await deleteTemplate(first!.id);
    await saveTemplate({ ...second!, body: 'Edited {{customer.firstName}}' });
    await ensureSeedTemplates();
    expect(await db.templates.count()).toBe(count - 1);
    expect((await db.templates.get(second!.id))?.body).toBe('Edited {{customer.firstName}}');
  });

  it('brings built-ins the user never edited up to the current text, keeping edited ones', async () => {
    // A library seeded by the first release: its cancellation replies said they were already done.
    const { seedTemplates: current } = await import('../assistant/seed-templates');
    const first = current(1).map((t) =>
      t.id === 'builtin-cancel-es-formal'
        ? {
            ...t,
            name: 'Cancelación: en trámite',
            body: 'Estimado/a {{customer.name}}:\n\nHemos recibido su solicitud de cancelación del pedido {{order.ref}} y ya la estamos tramitando.\n\nLe confirmaremos por correo que la cancelación se ha completado en un plazo máximo de 48 horas laborables. Si el pedido ya hubiera salido de nuestro almacén, le indicaremos cómo realizar la devolución y las condiciones que se aplican según nuestra política.\n\nAtentamente,\n{{signature}}',
          }
        : t.id === 'builtin-cancel-en-formal'
          ? { ...t, body: 'We are cancelling it. Edited by the shop. {{signature}}' }
          : t,
    );
    await db.templates.bulkPut(first);
    await db.settings.put({ key: 'seededTemplates', value: first.map((t) => t.id), updatedAt: 1 });
    expect(await ensureSeedTemplates()).toEqual({ added: 0, updated: 1 });
    const es = await db.templates.get('builtin-cancel-es-formal');
    expect(es?.body).not.toMatch(/tramitando/);
    expect(es?.body).toBe(current(1).find((t) => t.id === 'builtin-cancel-es-formal')!.body);
    // The one the shop edited is theirs.
    expect((await db.templates.get('builtin-cancel-en-formal'))?.body).toMatch(/Edited by the shop/);
    // Once current, nothing more to do; a later edit is kept.
    expect(await ensureSeedTemplates()).toEqual({ added: 0, updated: 0 });
    await saveTemplate({ ...es!, body: `${es!.body}\nP.D.` });
    expect(await ensureSeedTemplates()).toEqual({ added: 0, updated: 0 });
    expect((await db.templates.get('builtin-cancel-es-formal'))?.body).toMatch(/P\.D\.$/);
  });

  it('round-trips through export and import, and refuses foreign files', async () => {
    await ensureSeedTemplates();
    const exported = await exportTemplates();
    await db.templates.clear();
    expect(await importTemplates(exported)).toMatchObject({ added: expect.any(Number) });
    expect(JSON.parse(await exportTemplates())).toEqual(JSON.parse(exported));
    await expect(importTemplates('{"format":"something-else"}')).rejects.toThrow('not-ours');
    await expect(importTemplates('<html>')).rejects.toThrow('not-json');
  });

  it('flags unknown variables', () => {
    expect(unknownVariables('Hola {{customer.firstName}}, pedido {{order.reff}}')).toEqual(['order.reff']);
  });
});
