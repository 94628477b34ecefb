/**
 * The entries that may go without `sources`: the seed article's own IPP
 * messages, and the guides that only describe IPP's own screens.
 *
 * Every other rule and guide must name at least one URL (Microsoft
 * documentation or a public report) that establishes the message, its meaning
 * and the fix. These entries cannot: their message is IPP's own configuration
 * check or wrapper, written nowhere outside IPP and the seed article
 * (seed/ipp-failure-audit-log.txt), so the seed is their only source. They may
 * still list sources for the parts that have one (a PowerShell or .NET wording
 * of the same problem, a Microsoft step of the fix).
 *
 * The list is data in one place, not a frontmatter flag, so an author cannot
 * exempt a new article by adding a key to it: growing this list is a change
 * a reviewer sees. Each entry says why it is here.
 */
export const IPP_ONLY_ENTRIES = {
  rules: {
    'username-empty': 'the seed\'s "Username is empty for the data source": IPP\'s own check of the Realm or Datasource, made before it contacts Microsoft',
    'password-empty': 'the seed\'s "Password is empty for the data source": IPP\'s own check of the Realm or Datasource, made before it contacts Microsoft',
    'account-location-empty': 'the seed\'s "User account/location is empty for the data source": IPP\'s own check of the Datasource',
    'identity-provider-error':
      'the seed\'s "The Identity Provider returned an error. Trace ID:": IPP\'s own wrapper around a failed token request; no public occurrence is known',
  },
  guides: {
    'find-ipp-failure-reason': "the seed's own procedure: IPP's Audit logs tab and View Logs",
    'check-datasource-configuration': "the fix of the seed's account-location-empty: only IPP's own Realm and Datasource configuration",
  },
} as const satisfies Record<'rules' | 'guides', Record<string, string>>;

export type SourcedCollection = keyof typeof IPP_ONLY_ENTRIES;

/** Whether the entry `id` of `collection` may go without sources. */
export function mayGoWithoutSources(collection: SourcedCollection, id: string): boolean {
  return Object.hasOwn(IPP_ONLY_ENTRIES[collection], id);
}
