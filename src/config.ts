/**
 * Site settings in one place. Each can be set at build time through an
 * environment variable, so a deployment needs no code change.
 */

/** The example values the settings fall back to: fine on a laptop, wrong in production. */
export const EXAMPLE_SITE_URL = 'https://help.example.com';
export const EXAMPLE_SUPPORT_EMAIL = 'support@example.com';

const env = (name: string) => process.env[name]?.trim() ?? '';

export const siteConfig = {
  /**
   * The public address (`KB_SITE_URL`): canonical links, the catalogue's URLs,
   * and the links "Copy link" and "Copy resolution" put on the clipboard.
   * Empty when not configured: those links then use the address the page
   * is served from (Astro still gets the example URL for canonical tags).
   */
  siteUrl: env('KB_SITE_URL'),
  /** Where customers reach support: a URL (a ticket form) or an e-mail address. */
  supportUrl: env('KB_SUPPORT_URL'),
  supportEmail: env('KB_SUPPORT_EMAIL') || EXAMPLE_SUPPORT_EMAIL,
  feedbackUrl: env('KB_FEEDBACK_URL'),
  /** "Edit this page" links go to `<repositoryUrl>/edit/<repositoryBranch>/<file>`; none when empty. */
  repositoryUrl: env('KB_REPO_URL'),
  repositoryBranch: env('KB_REPO_BRANCH') || 'main',
};

/**
 * One warning per setting left at its example default, naming the variable
 * that fixes it; the build prints them (astro.config.mjs), so a production
 * build never sends customers to example.com silently.
 */
export function exampleDefaultWarnings(environment: Record<string, string | undefined> = process.env): string[] {
  const value = (name: string) => environment[name]?.trim() ?? '';
  const warnings: string[] = [];
  const siteUrl = value('KB_SITE_URL');
  if (!siteUrl || siteUrl.replace(/\/+$/, '') === EXAMPLE_SITE_URL) {
    warnings.push(
      `KB_SITE_URL is not set: canonical links and /api/rules.json use the example address ${EXAMPLE_SITE_URL} (copied links use the address the page is served from). Set KB_SITE_URL to the site's public address.`,
    );
  }
  const supportEmail = value('KB_SUPPORT_EMAIL');
  if (!value('KB_SUPPORT_URL') && (!supportEmail || supportEmail.toLowerCase() === EXAMPLE_SUPPORT_EMAIL)) {
    warnings.push(
      `Neither KB_SUPPORT_URL nor KB_SUPPORT_EMAIL is set: "Contact support" writes to the example address ${EXAMPLE_SUPPORT_EMAIL}. Set KB_SUPPORT_URL (a ticket form) or KB_SUPPORT_EMAIL.`,
    );
  }
  return warnings;
}
