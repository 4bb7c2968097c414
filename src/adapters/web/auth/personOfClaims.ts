import type { Directory, Person } from '../../../core/ports';

/** The ID token claims the console reads to find who signed in. */
export interface SignInClaims {
  /** Entra ID's object id of the user: the same id Teams identities carry in the directory. */
  oid?: unknown;
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
}

/**
 * The directory person behind a sign-in: first by the `oid` claim (identities.teams in the directory is
 * the Entra object id), then by `email`, then by `preferred_username` (Entra's sign-in name, usually the
 * e-mail address). An e-mail the provider says is unverified is not used. Undefined when nobody matches.
 */
export async function personOfClaims(claims: SignInClaims, directory: Pick<Directory, 'findByIdentity'>): Promise<Person | undefined> {
  if (typeof claims.oid === 'string' && claims.oid.length > 0) {
    const byOid = await directory.findByIdentity('teams', claims.oid);
    if (byOid) return byOid;
  }
  const emails: unknown[] = [claims.email_verified === false ? undefined : claims.email, claims.preferred_username];
  for (const email of emails) {
    if (typeof email !== 'string' || !email.includes('@')) continue;
    const byEmail = await directory.findByIdentity('email', email);
    if (byEmail) return byEmail;
  }
  return undefined;
}
