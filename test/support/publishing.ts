// Helpers for publishing tests: publishing as the demo commissioner, and providers.
import type { PublishedVersionReceipt, PublishRequest } from '@coproduce/domain';
import { api, DEMO_EMAIL, joinByLink, signIn } from './api';
import { demoWorkspaceId } from './collab';

export interface DemoPublishing {
  workspaceId: string;
  commissioner: string;
  provider: string;
  /** …/api/workspaces/:workspaceId/specifications/:specificationId */
  base: (specificationId: string) => string;
}

export async function demoPublishing(baseUrl: string): Promise<DemoPublishing> {
  const commissioner = await signIn(baseUrl, DEMO_EMAIL.commissioner);
  const workspaceId = await demoWorkspaceId(baseUrl, commissioner);
  return {
    workspaceId,
    commissioner,
    provider: await signIn(baseUrl, DEMO_EMAIL.provider),
    base: (specificationId) => `/api/workspaces/${workspaceId}/specifications/${specificationId}`,
  };
}

/** Publishes a specification as the demo commissioner; fails the test on anything but 201. */
export async function publish(
  baseUrl: string,
  demo: DemoPublishing,
  specificationId: string,
  request: PublishRequest,
): Promise<PublishedVersionReceipt> {
  const published = await api<PublishedVersionReceipt>(
    baseUrl,
    'POST',
    `${demo.base(specificationId)}/versions`,
    { token: demo.commissioner, body: request },
  );
  if (published.status !== 201) {
    throw new Error(`publishing: ${published.status} ${JSON.stringify(published.body)}`);
  }
  return published.body;
}

/** Another provider joins the demo workspace, for an organisation of their own; their token. */
export async function anotherProvider(
  baseUrl: string,
  demo: DemoPublishing,
  person: { name: string; email: string; organisation: string },
): Promise<string> {
  const session = await joinByLink(baseUrl, demo.commissioner, demo.workspaceId, {
    name: person.name,
    email: person.email,
  });
  const changed = await api(
    baseUrl,
    'PATCH',
    `/api/workspaces/${demo.workspaceId}/members/${session.user.id}`,
    { token: demo.commissioner, body: { role: 'provider', organisation: person.organisation } },
  );
  if (changed.status !== 200) throw new Error(`making a provider: ${changed.status}`);
  return session.token;
}
