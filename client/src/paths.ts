// The app's own URLs, built in one place so links and routes agree.
const part = encodeURIComponent;

export const paths = {
  signIn: '/sign-in',
  forgottenPassword: '/forgotten-password',
  /** Where a password link (emailed, or made by a commissioner) opens. */
  choosePassword: (token: string) => `/reset-password/${part(token)}`,
  setup: '/setup',
  workspaces: '/workspaces',
  workspace: (workspaceId: string) => `/workspaces/${part(workspaceId)}`,
  audit: (workspaceId: string) => `/workspaces/${part(workspaceId)}/audit`,
  specification: (workspaceId: string, specificationId: string) =>
    `/workspaces/${part(workspaceId)}/specifications/${part(specificationId)}`,
  invitation: (token: string) => `/invitations/${part(token)}`,
  inbox: '/inbox',
  /** A specification with one comment thread selected in its panel. */
  thread: (workspaceId: string, specificationId: string, threadId: string) =>
    `/workspaces/${part(workspaceId)}/specifications/${part(specificationId)}?thread=${part(threadId)}`,
};
