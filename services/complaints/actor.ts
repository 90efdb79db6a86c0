import { getProfile } from '../profile';

// Who does what in a complaint's history. The extension has one local user per browser profile:
// the name in the business profile (the manager's, else the business's); empty when none is set,
// which the history shows as "you".
export async function currentActor(): Promise<string> {
  const profile = await getProfile();
  return (profile.managerName || profile.businessName).trim().slice(0, 120);
}
