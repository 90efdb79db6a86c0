import { t } from '../../services/i18n';
import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintList } from './ComplaintList';
import './complaints.css';

/** `#/complaints` lists; `#/complaints/<id>` opens one complaint. */
export function ComplaintsPage({ path }: { path: string[] }) {
  const id = path[0];
  return (
    <section>
      <h2>{t('complaintsHeading')}</h2>
      {id ? <ComplaintDetail id={id} /> : <ComplaintList />}
    </section>
  );
}
