// The one place that chooses an implementation by provider name.
import { createGoogleProvider } from './google';
import { createMicrosoftProvider } from './microsoft';
import type { CalendarProvider, ProviderConfig, ProviderKind } from './types';

export function createProvider(kind: ProviderKind, config: ProviderConfig): CalendarProvider {
  switch (kind) {
    case 'google':
      return createGoogleProvider(config);
    case 'microsoft':
      return createMicrosoftProvider(config);
  }
}
