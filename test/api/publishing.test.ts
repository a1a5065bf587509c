import type {
  ClarificationQuestion,
  Comparison,
  HistoryEntry,
  QuestionForCommissioners,
  SpecificationSummary,
  VersionDetail,
  VersionSummary,
} from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import { BSON } from 'mongodb';
import { specificationFragment } from '@coproduce/specification-document';
import { api } from '../support/api';
import { openDatabase } from '../support/app';
import {
  collabApp,
  contentOf,
  createSpecification,
  eventually,
  openSpecification,
} from '../support/collab';
import { openWordDocument, pdfText } from '../support/exported-files';
import {
  anotherProvider,
  demoPublishing,
  publish,
  type DemoPublishing,
} from '../support/publishing';

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const words = new Y.XmlText();
  words.insert(0, text);
  element.insert(0, [words]);
  return element;
}

/** Appends a paragraph to the section under the first heading whose text starts with `heading`. */
function writeUnder(doc: Y.Doc, heading: string, text: string): void {
  const fragment = specificationFragment(doc);
  const nodes = fragment.toArray();
  const at = nodes.findIndex(
    (node) =>
      node instanceof Y.XmlElement &&
      node.nodeName === 'heading' &&
      node.toString().includes(heading),
  );
  fragment.insert(at + 1, [paragraph(text)]);
}

async function download(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('publishing a specification to providers', () => {
  const collab = collabApp({ ownDatabase: true });
  let demo: DemoPublishing;
  let specificationId: string;

  beforeAll(async () => {
    demo = await demoPublishing(collab.url);
    specificationId = await createSpecification(collab.url, 'Short breaks for disabled children');
  });

  it('publishes the text as it is at that moment; edits made after it never reach the version', async () => {
    const commissioner = await collab.connect('commissioner');
    const steering = await collab.connect('steering-member');
    const mine = await openSpecification(commissioner, specificationId);
    const theirs = await openSpecification(steering, specificationId);
    writeUnder(mine.doc, '1.1.', 'Families told us breaks must be bookable at short notice.');
    await mine.provider.whenSaved();
    await eventually(
      () => contentOf(theirs.doc).includes('short notice'),
      'the steering member has it',
    );

    // The steering member keeps typing while the commissioner publishes.
    const typing = setInterval(() => writeUnder(theirs.doc, '2.1.', 'Still drafting.'), 20);
    const receipt = await publish(collab.url, demo, specificationId, {
      name: 'For market engagement',
      notes: 'The first version for providers to read.',
      clarificationDeadline: '2099-01-29',
      submissionDeadline: '2099-02-26',
    });
    clearInterval(typing);
    await theirs.provider.whenSaved();
    writeUnder(mine.doc, '1.2.', 'SENTINEL-AFTER-PUBLISHING');
    await mine.provider.whenSaved();

    expect(receipt).toEqual({
      number: 1,
      name: 'For market engagement',
      publishedAt: expect.any(String),
    });
    const version = await api<VersionDetail>(
      collab.url,
      'GET',
      `${demo.base(specificationId)}/versions/1`,
      {
        token: demo.provider,
      },
    );
    expect(version.status).toBe(200);
    expect(version.body).toMatchObject({
      number: 1,
      name: 'For market engagement',
      notes: 'The first version for providers to read.',
      withdrawn: false,
      clarificationDeadline: '2099-01-29',
      acceptingQuestions: true,
    });
    expect(version.body.html).toContain('bookable at short notice');
    expect(version.body.markdown).toContain('bookable at short notice');
    expect(version.body.outline[0]).toMatchObject({ level: 2, text: '1. Population needs' });
    // The version holds exactly as many "Still drafting." as had reached the server when it
    // was published: never one written after.
    const atPublishing = (version.body.markdown.match(/Still drafting\./g) ?? []).length;
    const now = (contentOf(mine.doc).match(/Still drafting\./g) ?? []).length;
    expect(atPublishing).toBeLessThanOrEqual(now);
    expect(JSON.stringify(version.body)).not.toContain('SENTINEL-AFTER-PUBLISHING');
  });

  it('a provider sees the specification as published, and reads it, never the draft', async () => {
    const listed = await api<SpecificationSummary[]>(
      collab.url,
      'GET',
      `/api/workspaces/${demo.workspaceId}/specifications`,
      { token: demo.provider },
    );
    expect(listed.body).toContainEqual({
      id: specificationId,
      title: 'Short breaks for disabled children',
      status: 'published',
    });
    expect(listed.body.every((each) => each.status === 'published')).toBe(true);

    const versions = await api<VersionSummary[]>(
      collab.url,
      'GET',
      `${demo.base(specificationId)}/versions`,
      {
        token: demo.provider,
      },
    );
    expect(
      versions.body.map(({ number, name, withdrawn }) => ({ number, name, withdrawn })),
    ).toEqual([{ number: 1, name: 'For market engagement', withdrawn: false }]);
    for (const format of ['docx', 'pdf', 'md']) {
      const file = await download(
        `${collab.url}${demo.base(specificationId)}/versions/1/export?format=${format}`,
        demo.provider,
      );
      expect(file.status).toBe(200);
      const text =
        format === 'docx'
          ? (await openWordDocument(file.bytes)).body
          : format === 'pdf'
            ? (await pdfText(file.bytes)).pages.join(' ').replace(/\s+/g, ' ')
            : file.bytes.toString('utf8');
      expect(text).toContain('bookable at short notice');
      expect(text).not.toContain('SENTINEL-AFTER-PUBLISHING');
    }
    for (const path of [
      '/history',
      '/compare?from=version:1&to=draft',
      '/export?format=md',
      '/threads',
    ]) {
      const refused = await api(collab.url, 'GET', `${demo.base(specificationId)}${path}`, {
        token: demo.provider,
      });
      expect([path, refused.status]).toEqual([path, 404]);
    }
  });

  it('compares two versions section by section, words added and removed', async () => {
    const commissioner = await collab.connect('commissioner');
    const { doc, provider } = await openSpecification(commissioner, specificationId);
    writeUnder(doc, '3.1.', 'Breaks in school holidays as well as term time.');
    await provider.whenSaved();
    await publish(collab.url, demo, specificationId, { name: 'After engagement', notes: '' });

    const compared = await api<Comparison>(
      collab.url,
      'GET',
      `${demo.base(specificationId)}/compare?from=version:1&to=version:2`,
      { token: demo.provider },
    );
    expect(compared.status).toBe(200);
    const changed = compared.body.sections.find((section) => section.heading.startsWith('3.1.'));
    expect(changed).toMatchObject({ change: 'changed', wordsRemoved: 0 });
    expect(
      changed!.runs
        .filter((run) => run.kind === 'added')
        .map((run) => run.text)
        .join(''),
    ).toContain('school holidays');
    expect(compared.body.summary.wordsAdded).toBeGreaterThanOrEqual(8);
    const unchanged = compared.body.sections.find((section) => section.heading.startsWith('4.'));
    expect(unchanged?.change).toBe('unchanged');

    const reading = async () =>
      (
        await api(collab.url, 'GET', `${demo.base(specificationId)}/reading`, {
          token: demo.provider,
        })
      ).body;
    await api(collab.url, 'POST', `${demo.base(specificationId)}/versions/1/read`, {
      token: demo.provider,
    });
    expect(await reading()).toEqual({
      lastReadVersion: 1,
      latestVersion: 2,
      changedSinceRead: true,
    });
    await api(collab.url, 'POST', `${demo.base(specificationId)}/versions/2/read`, {
      token: demo.provider,
    });
    await api(collab.url, 'POST', `${demo.base(specificationId)}/versions/1/read`, {
      token: demo.provider,
    });
    expect(await reading()).toEqual({
      lastReadVersion: 2,
      latestVersion: 2,
      changedSinceRead: false,
    });
  });

  it('a question goes to the commissioners; its answer to every provider, without who asked', async () => {
    const second = await anotherProvider(collab.url, demo, {
      name: 'Dele Adeyemi',
      email: 'dele.adeyemi@brightside.example.org',
      organisation: 'Brightside Youth Trust',
    });
    const asked = await api<ClarificationQuestion>(
      collab.url,
      'POST',
      `${demo.base(specificationId)}/versions/2/questions`,
      { token: demo.provider, body: { body: 'Is transport to the breaks in scope?' } },
    );
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'pending', mine: true, answer: null });

    const questionsFor = (token: string) =>
      api<Array<ClarificationQuestion | QuestionForCommissioners>>(
        collab.url,
        'GET',
        `${demo.base(specificationId)}/questions`,
        { token },
      );
    expect((await questionsFor(second)).body).toEqual([]);
    const commissionerView = (await questionsFor(demo.commissioner))
      .body[0] as QuestionForCommissioners;
    expect(commissionerView.askedBy).toMatchObject({ organisation: expect.any(String) });

    const answered = await api(
      collab.url,
      'POST',
      `/api/workspaces/${demo.workspaceId}/questions/${asked.body.id}/answer`,
      { token: demo.commissioner, body: { answer: 'Yes: transport is part of the service.' } },
    );
    expect(answered.status).toBe(200);
    const seen = await questionsFor(second);
    expect(seen.body).toEqual([
      expect.objectContaining({
        body: 'Is transport to the breaks in scope?',
        answer: 'Yes: transport is part of the service.',
        status: 'answered',
        mine: false,
      }),
    ]);
    const asker = commissionerView.askedBy;
    expect(JSON.stringify(seen.body)).not.toContain(asker.name);
    expect(JSON.stringify(seen.body)).not.toContain(asker.organisation!);
    expect(JSON.stringify(seen.body)).not.toContain(asker.id);

    const again = await api(
      collab.url,
      'POST',
      `/api/workspaces/${demo.workspaceId}/questions/${asked.body.id}/answer`,
      { token: demo.commissioner, body: { answer: 'Changed my mind.' } },
    );
    expect(again.status).toBe(409);

    const notices = await api<{ unreadCount: number; items: Array<{ kind: string }> }>(
      collab.url,
      'GET',
      '/api/notices',
      { token: second },
    );
    expect(notices.body.items.map((item) => item.kind)).toContain('question-answered');
    expect(notices.body.unreadCount).toBeGreaterThan(0);
  });

  it('refuses questions after the clarification deadline and on a withdrawn version, saying why', async () => {
    const database = await openDatabase(collab.app);
    try {
      await database.db
        .collection('specification_versions')
        .updateOne(
          { specificationId: new BSON.ObjectId(specificationId), number: 1 },
          { $set: { clarificationDeadline: '2020-01-31' } },
        );
    } finally {
      await database.close();
    }
    const late = await api(
      collab.url,
      'POST',
      `${demo.base(specificationId)}/versions/1/questions`,
      {
        token: demo.provider,
        body: { body: 'Is it too late?' },
      },
    );
    expect(late.status).toBe(409);
    expect(late.body).toEqual({
      error: { code: 'questions-closed', message: expect.stringContaining('31 January 2020') },
    });

    const withdrawn = await api<VersionSummary>(
      collab.url,
      'POST',
      `${demo.base(specificationId)}/versions/2/withdraw`,
      { token: demo.commissioner, body: { reason: 'The budget changed.' } },
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      withdrawn: true,
      withdrawal: { reason: 'The budget changed.' },
    });
    const onWithdrawn = await api(
      collab.url,
      'POST',
      `${demo.base(specificationId)}/versions/2/questions`,
      {
        token: demo.provider,
        body: { body: 'Still valid?' },
      },
    );
    expect(onWithdrawn.body).toMatchObject({ error: { code: 'version-withdrawn' } });
    const twice = await api(
      collab.url,
      'POST',
      `${demo.base(specificationId)}/versions/2/withdraw`,
      {
        token: demo.commissioner,
        body: { reason: 'Again.' },
      },
    );
    expect(twice.status).toBe(409);
    // Still readable, marked: a version is never changed or removed.
    const stillThere = await api<VersionDetail>(
      collab.url,
      'GET',
      `${demo.base(specificationId)}/versions/2`,
      {
        token: demo.provider,
      },
    );
    expect(stillThere.body).toMatchObject({ withdrawn: true, name: 'After engagement' });
  });

  it('restores a checkpoint as a new edit that an open editor receives', async () => {
    const commissioner = await collab.connect('commissioner');
    const steering = await collab.connect('steering-member');
    const mine = await openSpecification(commissioner, specificationId);
    const theirs = await openSpecification(steering, specificationId);
    const saved = await api<{ id: string }>(
      collab.url,
      'POST',
      `${demo.base(specificationId)}/checkpoints`,
      {
        token: demo.commissioner,
        body: { name: 'Before the steering group' },
      },
    );
    expect(saved.status).toBe(201);
    writeUnder(mine.doc, '3.2.', 'A paragraph the steering group did not want.');
    await mine.provider.whenSaved();
    await eventually(
      () => contentOf(theirs.doc).includes('did not want'),
      'the steering member has it',
    );

    const restored = await api(collab.url, 'POST', `${demo.base(specificationId)}/restore`, {
      token: demo.commissioner,
      body: { checkpointId: saved.body.id },
    });
    expect(restored.status).toBe(200);
    await eventually(
      () => !contentOf(theirs.doc).includes('did not want'),
      'the open editor has the restore',
    );
    expect(contentOf(theirs.doc)).toContain('bookable at short notice');

    const history = await api<HistoryEntry[]>(
      collab.url,
      'GET',
      `${demo.base(specificationId)}/history`,
      {
        token: demo.commissioner,
      },
    );
    expect(history.body.map((entry) => entry.name)).toEqual(
      expect.arrayContaining([
        'Before the steering group',
        'Before restoring “Before the steering group”',
        'For market engagement',
        'After engagement',
      ]),
    );
  });
});
