/**
 * Does a record show that it comes from IPP? A network, TLS or proxy failure
 * reads the same from every program ("Could not create SSL/TLS secure
 * channel", "No such host is known"), so rules for such failures
 * (`needsIppContext`) are answers only when the paste also carries a sign of
 * IPP:
 *
 * * - its audit log: a Datasource named, or IPP itself;
 * - what it runs to preserve mailboxes: Security & Compliance PowerShell
 *   (Connect-IPPSSession, *.ps.compliance.protection.outlook.com and its
 *   national-cloud hosts) and Exchange Online PowerShell (Connect-ExchangeOnline,
 *   the ExchangeOnlineManagement module, its Get-EXO* cmdlets, New-ExoPSSession,
 *   the /powershell-liveid endpoint).
 *
 * Microsoft's sign-in host alone is not such a sign: every Microsoft 365
 * client signs in there (an `az login` failing to reach login.microsoftonline.com
 * is not an IPP failure).
 */
import { datasourceClause } from './datasource.ts';

const IPP_SIGNS =
  /\bipp\b|connect-ippssession|\bps\.compliance\.protection\.(?:outlook\.com|office365\.us|partner\.outlook\.cn)|\.ps\.compliance\.protection\.|connect-exchangeonline|exchangeonlinemanagement|new-exopssession|\bget-exo[a-z]+|\/powershell-liveid/i;

/** Only a record's first characters are looked at for the words; a datasource clause comes first anyway. */
const LOOK_AT_CHARS = 100_000;

export function showsIpp(record: string): boolean {
  return IPP_SIGNS.test(record.length > LOOK_AT_CHARS ? record.slice(0, LOOK_AT_CHARS) : record) || datasourceClause(record) !== undefined;
}
