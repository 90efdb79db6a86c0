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
