import { t } from '../../services/i18n';

export function InsightsPage() {
  return (
    <section>
      <h2>{t('insightsHeading')}</h2>
    </section>
  );
}
