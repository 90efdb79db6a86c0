import { createGmailAdapter, type AdapterOptions } from './gmail';
import { createOutlookAdapter } from './outlook';
import type { MailSite, MailSiteAdapter } from './types';

/** The one place that chooses by site: everything else talks to the MailSiteAdapter interface. */
export function adapterFor(site: MailSite, options: AdapterOptions = {}): MailSiteAdapter {
  switch (site) {
    case 'gmail':
      return createGmailAdapter(options);
    case 'outlook':
      return createOutlookAdapter(options);
  }
}
