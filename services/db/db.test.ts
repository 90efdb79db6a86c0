import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1, searchWords, type OpsDb } from './db';

let opened: Dexie[] = [];
afterEach(async () => {
  for (const d of opened) d.close();
  opened = [];
});

describe('database versions', () => {
  it('upgrades a version-1 database through version 2 (search words) to the latest', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    opened.push(v1);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('tasks').add({
      id: 't1',
      listId: 'l',
      title: 'Llamar al proveedor',
      notes: 'Pedido Nº 4512',
      status: 'open',
      dueAt: null,
      createdAt: 1,
    });
    await v1.table('complaints').add({
      id: 'c1',
      threadKey: 'gmail:abc',
      subject: 'Entrega tardía',
      summary: '',
      customerName: 'Lucía Gómez',
      customerEmail: 'lucia@example.es',
      orderRef: 'A-77',
      status: 'new',
      createdAt: 1,
    });
    v1.close();

    const db: OpsDb = openDb(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(6);
    expect((await db.tasks.get('t1'))?.words).toEqual(
      expect.arrayContaining(['llamar', 'proveedor', '4512']),
    );
    expect(await db.tasks.where('words').equals('proveedor').count()).toBe(1);
    const complaint = await db.complaints.where('words').equals('tardia').first();
    expect(complaint?.id).toBe('c1');
    expect(complaint?.words).toContain('lucia@example.es');
  });

  it('keeps one complaint per thread', async () => {
    const db = openDb(`unique-${crypto.randomUUID()}`);
    opened.push(db);
    const base = { threadKey: 'outlook:AAMk1', customerEmail: 'a@b.c', status: 'new', createdAt: 1 };
    await db.table('complaints').add({ id: 'x', ...base });
    await expect(db.table('complaints').add({ id: 'y', ...base })).rejects.toThrow(/ConstraintError|unique/i);
  });
});

describe('searchWords', () => {
  it('lower-cases, strips accents and keeps addresses and references whole', () => {
    expect(searchWords('Reclamación URGENTE de José', 'jose.perez@correo.es F-2026/118')).toEqual(
      expect.arrayContaining(['reclamacion', 'urgente', 'jose', 'jose.perez@correo.es', 'f-2026', '118']),
    );
  });
});
