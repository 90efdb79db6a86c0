import { useLive } from '../use-live';
import { db } from '../../services/db/db';
import { t } from '../../services/i18n';

export function ComplaintsPage() {
  const complaints = useLive(() => db.complaints.orderBy('createdAt').reverse().limit(100).toArray(), []);
  return (
    <section>
      <h2>{t('complaintsHeading')}</h2>
      {complaints && complaints.length === 0 && <p class="muted">{t('noComplaints')}</p>}
      <ul class="plain" data-testid="complaints">
        {complaints?.map((c) => (
          <li key={c.id}>
            {c.subject} — {c.customerName || c.customerEmail}
          </li>
        ))}
      </ul>
    </section>
  );
}
