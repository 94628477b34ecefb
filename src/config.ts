/**
 * Site settings in one place. Each can be set at build time through an
 * environment variable, so a deployment needs no code change.
 */
export const siteConfig = {
  /** Where customers reach support: a URL (a ticket form) or an e-mail address. */
  supportUrl: process.env.KB_SUPPORT_URL ?? '',
  supportEmail: process.env.KB_SUPPORT_EMAIL ?? 'support@example.com',
  feedbackUrl: process.env.KB_FEEDBACK_URL ?? '',
  /** "Edit this page" links go to `<repositoryUrl>/edit/<repositoryBranch>/<file>`; none when empty. */
  repositoryUrl: process.env.KB_REPO_URL ?? '',
  repositoryBranch: process.env.KB_REPO_BRANCH || 'main',
};
