import { db } from './db/db';
import { getProfile, saveProfile } from './profile';

// The zero-setup demo (sandbox build only): the demo business's profile and staff directory, so the
// scheduler and agenda work as soon as the user connects the sandbox accounts. Never overwrites
// what the user has set.
export async function seedSandboxDemo(): Promise<void> {
  const profile = await getProfile();
  if (profile.businessName) return;
  await saveProfile({
    businessName: 'Ferretería López',
    managerName: 'María López',
    managerEmail: 'maria.lopez@demo-ferreteria.es',
    signature: 'María López\nFerretería López · C/ Alcalá 212, Madrid · 910 000 000',
    timeZone: 'Europe/Madrid',
    bookingCalendar: { provider: 'google', calendarId: 'maria.lopez@demo-ferreteria.es' },
    places: [
      {
        id: 'shop',
        label: 'Tienda (C/ Alcalá 212)',
        detail: 'Ferretería López, C/ Alcalá 212, 28028 Madrid',
        kind: 'address',
      },
      { id: 'phone', label: 'Llamada de teléfono', detail: '+34 910 000 000', kind: 'phone' },
    ],
  });
  const staff = [
    {
      name: 'Carmen Vidal',
      email: 'carmen.vidal@demo-ferreteria.es',
      role: 'Atención al cliente',
      provider: 'google' as const,
    },
    {
      name: 'Javier Ruiz',
      email: 'javier.ruiz@demo-ferreteria.es',
      role: 'Almacén',
      provider: 'google' as const,
    },
    {
      name: 'Ana García',
      email: 'ana.garcia@demoferreteria.onmicrosoft.com',
      role: 'Compras',
      provider: 'microsoft' as const,
    },
    {
      name: 'Tom Baker',
      email: 'tom.baker@demoferreteria.onmicrosoft.com',
      role: 'Export (London)',
      provider: 'microsoft' as const,
    },
  ];
  await db.contacts.bulkPut(
    staff.map((s) => ({ id: `demo-${s.email}`, kind: 'staff' as const, calendarId: s.email, ...s })),
  );
}
