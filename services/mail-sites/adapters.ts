import { createGmailAdapter } from './gmail';
import { createOutlookAdapter } from './outlook';
import type { MailSite, MailSiteAdapter } from './types';

/** The one place that chooses by site: everything else talks to the MailSiteAdapter interface. */
export function adapterFor(site: MailSite): MailSiteAdapter {
  switch (site) {
    case 'gmail':
      return createGmailAdapter();
    case 'outlook':
      return createOutlookAdapter();
  }
}
