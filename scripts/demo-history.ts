// The demo's complaint history: a file in the extension's own complaints export format, imported
// through the dashboard like a user's backup, so Insights has weeks of data to draw. The records are
// made up for the demo (no real customer); they are deterministic, so screenshots are reproducible
// apart from the dates, which follow the day the demo runs.

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Category = 'delivery' | 'product' | 'billing' | 'service';

const SAMPLES: Record<Category, { es: string; en: string }[]> = {
  delivery: [
    { es: 'El pedido no ha llegado todavía', en: 'My order has not arrived yet' },
    { es: 'Retraso en la entrega del pedido', en: 'Late delivery of my order' },
  ],
  product: [
    { es: 'El taladro llegó roto', en: 'The drill arrived broken' },
    { es: 'La escalera no es la que pedí', en: 'The ladder is not the one I ordered' },
  ],
  billing: [
    { es: 'Me cobraron dos veces la factura', en: 'I was charged twice on the invoice' },
    { es: 'El importe de la factura no cuadra', en: 'The invoice amount is wrong' },
  ],
  service: [{ es: 'Nadie contesta el teléfono de la tienda', en: 'Nobody answers the shop phone' }],
};

const CUSTOMERS = [
  ['Lucía Pérez', 'lucia.perez@example.es', 'es'],
  ['Carlos Gómez', 'carlos.gomez@example.es', 'es'],
  ['Emma Brown', 'emma.brown@example.co.uk', 'en'],
  ['Javier Martín', 'javier.martin@example.es', 'es'],
  ['Peter Jones', 'peter.jones@example.com', 'en'],
  ['Ana Ruiz', 'ana.ruiz@example.es', 'es'],
] as const;

/** Weekly counts per category, oldest week first: deliveries peak, then ease off after a fix. */
const WEEKS: Record<Category, number[]> = {
  delivery: [1, 2, 4, 5, 3, 2, 1, 1, 0, 1],
  product: [1, 0, 1, 1, 2, 1, 1, 0, 1, 1],
  billing: [0, 1, 0, 0, 1, 0, 2, 1, 0, 0],
  service: [0, 0, 1, 0, 0, 1, 0, 0, 1, 0],
};

export function demoComplaintHistory(now: number, managerName: string): string {
  const complaints: object[] = [];
  let n = 0;
  const weeks = WEEKS.delivery.length;
  for (const category of Object.keys(WEEKS) as Category[]) {
    WEEKS[category].forEach((count, w) => {
      for (let k = 0; k < count; k++, n++) {
        const [name, email, language] = CUSTOMERS[n % CUSTOMERS.length]!;
        const sample = SAMPLES[category][n % SAMPLES[category].length]!;
        const text = sample[language];
        // Weeks back from this one; within a week, spread over the working days at 9–17 h.
        const createdAt = now - (weeks - w) * 7 * DAY + (n % 5) * DAY + (9 + (n % 8)) * HOUR;
        const receivedAt = createdAt - (1 + (n % 3)) * HOUR;
        const old = w < weeks - 2;
        const status = old ? (n % 4 === 0 ? 'resolved' : 'closed') : n % 2 ? 'in_progress' : 'new';
        const firstResponseAt = status === 'new' ? null : receivedAt + (2 + (n % 7)) * HOUR;
        const resolvedAt = old ? createdAt + (1 + (n % 4)) * DAY : null;
        const resolution = old
          ? language === 'es'
            ? 'Sustituido el producto y reembolsado el envío.'
            : 'Product replaced and shipping refunded.'
          : '';
        const history = [
          { at: createdAt, kind: 'created', by: managerName },
          ...(firstResponseAt ? [{ at: firstResponseAt, kind: 'message', note: `${managerName}: …` }] : []),
          ...(resolvedAt
            ? [
                {
                  at: resolvedAt,
                  kind: 'status',
                  from: 'in_progress',
                  to: 'resolved',
                  note: resolution,
                  by: managerName,
                },
              ]
            : []),
        ];
        complaints.push({
          id: `demo-history-${n}`,
          threadKey: `gmail:demo-history-${n}`,
          threadUrl: '',
          channel: n % 3 ? 'gmail' : 'outlook',
          customerName: name,
          customerEmail: email,
          subject: text,
          summary: text,
          category,
          severity: n % 6 === 0 ? 'high' : n % 5 === 0 ? 'low' : 'medium',
          status,
          orderRef: `P-${48100 + n}`,
          amount: null,
          language,
          assignee: null,
          resolution,
          compensation: '',
          firstResponseAt,
          receivedAt,
          resolvedAt: status === 'closed' || status === 'resolved' ? resolvedAt : null,
          dueAt: null,
          createdAt,
          updatedAt: resolvedAt ?? createdAt,
          history,
          seenMessageIds: [],
          taskId: null,
        });
      }
    });
  }
  return JSON.stringify({
    format: 'ops-assistant/complaints',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    complaints,
  });
}
