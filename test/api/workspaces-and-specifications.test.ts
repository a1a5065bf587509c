import {
  ROLES,
  SPECIFICATION_TEMPLATE,
  type Role,
  type SpecificationDetail,
  type SpecificationSummary,
  type WorkspaceDetail,
  type WorkspaceSummary,
} from '@coproduce/domain';
import { startApp, type RunningApp } from '../support/app';
import { api, DEMO_EMAIL, errorWithCode, signIn } from '../support/api';
import { readOutline, type OutlineEntry } from '@coproduce/specification-document';
import { connectWithToken, contentOf, openSpecification } from '../support/collab';

// Each file starts real server processes, which on a loaded machine can take a while; the
// root configuration's testTimeout is for unit tests.
jest.setTimeout(120_000);

const DEMO_SPECIFICATION =
  'Key worker service for children and young people with a learning disability and/or autism';

let app: RunningApp;
const tokens = {} as Record<Role, string>;
let workspaceId: string;

beforeAll(async () => {
  app = await startApp();
  for (const role of ROLES) tokens[role] = await signIn(app.url, DEMO_EMAIL[role]);
  const list = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
    token: tokens.commissioner,
  });
  workspaceId = list.body[0]!.id;
});
afterAll(async () => {
  await app?.stop();
});

const specificationsPath = () => `/api/workspaces/${workspaceId}/specifications`;

/** A specification's sections as they are in its live document. */
async function outlineOf(specificationId: string, token: string): Promise<OutlineEntry[]> {
  const connection = await connectWithToken(app.url, token);
  try {
    const { doc, provider } = await openSpecification(connection, specificationId);
    const outline = readOutline(doc);
    provider.destroy();
    // The provider's awareness keeps a timer until its document is destroyed.
    doc.destroy();
    return outline;
  } finally {
    connection.close();
  }
}

describe('each demo role sees the demo workspace with its own role', () => {
  it.each(ROLES)('%s', async (role) => {
    const response = await api<WorkspaceSummary[]>(app.url, 'GET', '/api/workspaces', {
      token: tokens[role],
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { id: workspaceId, name: 'Key worker service for children and young people', role },
    ]);
  });

  it('the workspace detail names the lead and partner organisations and what the role may do', async () => {
    const detail = await api<WorkspaceDetail>(app.url, 'GET', `/api/workspaces/${workspaceId}`, {
      token: tokens.provider,
    });
    expect(detail.status).toBe(200);
    expect(detail.body.leadOrganisation).toMatch(/Integrated Care Board/);
    expect(detail.body.partnerOrganisations.length).toBeGreaterThanOrEqual(2);
    expect(detail.body.permissions).toContain('specification.read-published');
    expect(detail.body.permissions).not.toContain('specification.read-draft');
  });
});

describe('specifications', () => {
  it.each(ROLES.filter((role) => role !== 'provider'))(
    '%s sees the draft demo specification',
    async (role) => {
      const response = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
        token: tokens[role],
      });
      expect(response.status).toBe(200);
      expect(response.body).toContainEqual({
        id: expect.any(String),
        title: DEMO_SPECIFICATION,
        status: 'draft',
      });
    },
  );

  it('a provider sees no drafts, in the list or by id', async () => {
    const list = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
      token: tokens.provider,
    });
    expect(list.status).toBe(200);
    // Only what was published: the demo's second specification, never the draft.
    expect(list.body.map((each) => each.status)).toEqual(['published']);
    expect(JSON.stringify(list.body)).not.toContain(DEMO_SPECIFICATION);
    const drafts = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
      token: tokens.observer,
    });
    const draft = await api(app.url, 'GET', `${specificationsPath()}/${drafts.body[0]!.id}`, {
      token: tokens.provider,
    });
    expect(draft.status).toBe(404);
    expect(JSON.stringify(draft.body)).not.toContain(DEMO_SPECIFICATION);
  });

  it.each(['commissioner', 'steering-member'] as const)(
    'a %s creates a draft that starts from the NHS template',
    async (role) => {
      const created = await api<SpecificationSummary>(app.url, 'POST', specificationsPath(), {
        token: tokens[role],
        body: { title: `  Short breaks for disabled children (${role})  ` },
      });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        title: `Short breaks for disabled children (${role})`,
        status: 'draft',
      });
      const detail = await api<SpecificationDetail>(
        app.url,
        'GET',
        `${specificationsPath()}/${created.body.id}`,
        { token: tokens.observer },
      );
      expect(detail.status).toBe(200);
      // Its sections are the live document's, so they are read from its Yjs state.
      expect(detail.body).not.toHaveProperty('sections');
      const outline = await outlineOf(created.body.id, tokens.observer);
      expect(outline.map(({ level, text }) => ({ level, text }))).toEqual(
        SPECIFICATION_TEMPLATE.map((section) => ({
          level: section.level + 1,
          text: `${section.number}. ${section.heading}`,
        })),
      );
      expect(new Set(outline.map((entry) => entry.id)).size).toBe(SPECIFICATION_TEMPLATE.length);
      expect(detail.body.createdBy.email).toBe(DEMO_EMAIL[role]);
      expect(detail.body.updatedBy.email).toBe(DEMO_EMAIL[role]);
    },
  );

  it.each(['expert-by-experience', 'engagement-lead', 'provider', 'observer'] as const)(
    'a %s may not create one (403) and nothing is created',
    async (role) => {
      const before = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
        token: tokens.commissioner,
      });
      const refused = await api(app.url, 'POST', specificationsPath(), {
        token: tokens[role],
        body: { title: 'Not allowed' },
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual(errorWithCode('forbidden'));
      const after = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
        token: tokens.commissioner,
      });
      expect(after.body).toEqual(before.body);
    },
  );
});

describe('the demo specification, opened live', () => {
  it('is partly written: the template, with text under several sections', async () => {
    const list = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
      token: tokens.observer,
    });
    const demo = list.body.find((specification) => specification.title === DEMO_SPECIFICATION)!;
    const connection = await connectWithToken(app.url, tokens.observer);
    try {
      const { doc, provider } = await openSpecification(connection, demo.id);
      const content = contentOf(doc);
      provider.destroy();
      // The provider's awareness keeps a timer until its document is destroyed.
      doc.destroy();
      // Every section heading of the template is there...
      for (const section of SPECIFICATION_TEMPLATE) {
        expect(content).toContain(`${section.number}. ${section.heading}`);
      }
      // ...some still show their guidance...
      expect(content).toContain('guidance="For example NICE guidance and quality standards."');
      // ...and five sections are written, in the words the seed uses.
      for (const phrase of [
        'NHS Long Term Plan',
        'a series of drop-in sessions and events',
        'more than 100 interviews',
        'Three market engagement events',
        'have a named key worker',
        'one named person who gets to know them',
        'aged 0 to 25 with a learning disability and/or autism',
        'rated red or amber on the dynamic support register, or who are inpatients',
        'The contract is for five years',
      ]) {
        expect(content).toContain(phrase);
      }
    } finally {
      connection.close();
    }
  });
});

describe('renaming a specification', () => {
  it('is for commissioners; the new title is listed, and its published versions keep theirs', async () => {
    const created = await api<SpecificationSummary>(app.url, 'POST', specificationsPath(), {
      token: tokens.commissioner,
      body: { title: 'A working title' },
    });
    const path = `${specificationsPath()}/${created.body.id}`;
    const refused = await api(app.url, 'PATCH', path, {
      token: tokens['steering-member'],
      body: { title: 'Not theirs to rename' },
    });
    expect(refused.status).toBe(403);
    const blank = await api(app.url, 'PATCH', path, {
      token: tokens.commissioner,
      body: { title: '   ' },
    });
    expect(blank.status).toBe(400);

    const renamed = await api<SpecificationSummary>(app.url, 'PATCH', path, {
      token: tokens.commissioner,
      body: { title: '  Short breaks: the final title  ' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({
      id: created.body.id,
      title: 'Short breaks: the final title',
      status: 'draft',
    });
    const listed = await api<SpecificationSummary[]>(app.url, 'GET', specificationsPath(), {
      token: tokens.observer,
    });
    expect(listed.body.map((each) => each.title)).toContain('Short breaks: the final title');
  });
});
