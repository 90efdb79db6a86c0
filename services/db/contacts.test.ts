import { beforeEach, describe, expect, it } from 'vitest';
import { db } from './db';
import { deleteStaff, importStaffCsv, listStaff, saveStaff, StaffError } from './contacts';

beforeEach(async () => {
  await db.contacts.clear();
});

const ana = {
  name: 'Ana Ruiz',
  email: 'Ana@Tienda.example',
  role: 'Ventas',
  provider: null,
  calendarId: null,
};

describe('staff directory', () => {
  it('adds, edits and deletes; the calendar defaults to the address', async () => {
    const added = await saveStaff(ana);
    expect(added).toMatchObject({
      kind: 'staff',
      email: 'ana@tienda.example',
      calendarId: 'ana@tienda.example',
    });
    await saveStaff({ ...ana, role: 'Jefa de ventas', provider: 'google', calendarId: 'c_123' }, added.id);
    expect(await listStaff()).toEqual([
      expect.objectContaining({
        id: added.id,
        role: 'Jefa de ventas',
        provider: 'google',
        calendarId: 'c_123',
      }),
    ]);
    await deleteStaff(added.id);
    expect(await listStaff()).toEqual([]);
  });

  it('refuses a second person with the same address and bad input', async () => {
    await saveStaff(ana);
    await expect(saveStaff({ ...ana, name: 'Otra', email: 'ana@tienda.example ' })).rejects.toMatchObject({
      code: 'duplicate',
    });
    await expect(saveStaff({ ...ana, name: ' ' })).rejects.toBeInstanceOf(StaffError);
    await expect(saveStaff({ ...ana, email: 'ana' })).rejects.toMatchObject({ code: 'bad-email' });
    expect(await db.contacts.count()).toBe(1);
  });

  it('makes a known customer staff instead of duplicating the address', async () => {
    await db.contacts.add({
      id: 'c1',
      kind: 'customer',
      name: 'Ana',
      email: 'ana@tienda.example',
      role: '',
      calendarId: null,
      provider: null,
    });
    await saveStaff(ana);
    expect(await db.contacts.toArray()).toEqual([expect.objectContaining({ id: 'c1', kind: 'staff' })]);
  });
});

describe('staff CSV import', () => {
  it('imports good rows, reports bad ones by line and never duplicates an address', async () => {
    await saveStaff(ana);
    const csv = [
      'Name,Email,Role,Provider,Calendar',
      'Luis Gómez,luis@tienda.example,Técnico,google,',
      ',nobody@tienda.example,Ventas,,',
      'Sin Correo,not-an-address,Ventas,,',
      'Ana Ruiz,ana@tienda.example,Gerente,microsoft,ana-cal',
      'Luis Otra Vez,LUIS@tienda.example,Técnico,,',
      'Pepa,pepa@tienda.example,Almacén,fax,',
      '"Pérez, Marta",marta@tienda.example,"Atención, cliente",Outlook,',
    ].join('\r\n');
    const result = await importStaffCsv(csv);
    expect(result).toMatchObject({ added: 2, updated: 1 });
    expect(result.errors).toEqual([
      { line: 3, code: 'missing-name', value: '' },
      { line: 4, code: 'bad-email', value: 'not-an-address' },
      { line: 6, code: 'duplicate', value: 'luis@tienda.example' },
      { line: 7, code: 'bad-provider', value: 'fax' },
    ]);
    const staff = await listStaff();
    expect(staff.map((s) => s.email)).toEqual([
      'ana@tienda.example',
      'luis@tienda.example',
      'marta@tienda.example',
    ]);
    expect(staff[0]).toMatchObject({ role: 'Gerente', provider: 'microsoft', calendarId: 'ana-cal' });
    expect(staff[2]).toMatchObject({
      name: 'Pérez, Marta',
      role: 'Atención, cliente',
      provider: 'microsoft',
    });
  });

  it('requires a header with name and email', async () => {
    await expect(importStaffCsv('Luis,luis@tienda.example\n')).rejects.toThrow('no-header');
    await expect(importStaffCsv('')).rejects.toThrow('no-header');
    expect(await db.contacts.count()).toBe(0);
  });
});
