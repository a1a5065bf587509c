import { Y } from '@coproduce/protocol';
import { specificationFragment } from './fragment';
import { elementText } from './plain-text';
import { sectionBlocksOf } from './section-blocks';
import { sectionEditsOf } from './section-authorship';
import { takeSectionChange } from './section-merge';

/** A specification of two sections, each a heading with its id and paragraphs. */
function draftOf(sections: { id: string; heading: string; paragraphs: string[] }[]): Y.Doc {
  const doc = new Y.Doc();
  const fragment = specificationFragment(doc);
  for (const section of sections) {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.setAttribute('id', section.id);
    heading.insert(0, [new Y.XmlText(section.heading)]);
    fragment.push([heading]);
    for (const words of section.paragraphs) fragment.push([paragraph(words)]);
  }
  return doc;
}

function paragraph(words: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(words)]);
  return element;
}

/** A document forked from `doc` as it is now, writing as a client of its own. */
function forkOf(doc: Y.Doc): Y.Doc {
  const fork = new Y.Doc();
  Y.applyUpdate(fork, Y.encodeStateAsUpdate(doc));
  return fork;
}

function lines(doc: Y.Doc): string[] {
  return specificationFragment(doc)
    .toArray()
    .map((node) => elementText(node as Y.XmlElement));
}

function textOf(doc: Y.Doc, blockIndex: number): Y.XmlText {
  const block = specificationFragment(doc).get(blockIndex) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

const SECTIONS = [
  {
    id: 'access',
    heading: 'Access to the service',
    paragraphs: ['Referrals are accepted from professionals.', 'The service is open on weekdays.'],
  },
  {
    id: 'workforce',
    heading: 'Workforce',
    paragraphs: ['Key workers are trained in autism.'],
  },
];

describe('taking one section of an engagement copy into the draft', () => {
  let draft: Y.Doc;
  let fork: Y.Doc;
  let copy: Y.Doc;

  beforeEach(() => {
    draft = draftOf(SECTIONS);
    fork = forkOf(draft);
    copy = forkOf(fork);
  });

  it('brings words added and removed in the copy into the same paragraph of the draft', () => {
    textOf(copy, 1).insert(textOf(copy, 1).length - 1, ' and from families themselves');
    textOf(copy, 2).delete(0, 'The service is open on weekdays.'.length);
    textOf(copy, 2).insert(0, 'The service is open seven days a week.');

    const changed = takeSectionChange(fork, copy, draft, 'access');

    expect(changed).toBe(true);
    expect(lines(draft)).toEqual([
      'Access to the service',
      'Referrals are accepted from professionals and from families themselves.',
      'The service is open seven days a week.',
      'Workforce',
      'Key workers are trained in autism.',
    ]);
  });

  it('keeps what the draft wrote since the fork, in the same paragraph and elsewhere', () => {
    textOf(draft, 1).insert(0, 'From April 2027, ');
    textOf(draft, 4).insert(textOf(draft, 4).length - 1, ' and learning disability');
    textOf(copy, 1).insert(textOf(copy, 1).length - 1, ', schools');

    takeSectionChange(fork, copy, draft, 'access');

    expect(lines(draft)).toEqual([
      'Access to the service',
      'From April 2027, Referrals are accepted from professionals, schools.',
      'The service is open on weekdays.',
      'Workforce',
      'Key workers are trained in autism and learning disability.',
    ]);
  });

  it('takes only the section asked for: another section’s change stays in the copy', () => {
    textOf(copy, 4).insert(0, 'All ');
    textOf(copy, 1).insert(0, 'Self-referrals and ');

    takeSectionChange(fork, copy, draft, 'workforce');

    expect(lines(draft)[1]).toBe('Referrals are accepted from professionals.');
    expect(lines(draft)[4]).toBe('All Key workers are trained in autism.');
  });

  it('adds a paragraph written in the copy where it stands, and deletes one deleted there', () => {
    specificationFragment(copy).insert(2, [paragraph('Waiting times are published monthly.')]);
    specificationFragment(copy).delete(3, 1);

    takeSectionChange(fork, copy, draft, 'access');

    expect(lines(draft)).toEqual([
      'Access to the service',
      'Referrals are accepted from professionals.',
      'Waiting times are published monthly.',
      'Workforce',
      'Key workers are trained in autism.',
    ]);
  });

  it('a heading written above a paragraph in the copy moves it, rather than deleting or doubling it', () => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '2');
    heading.setAttribute('id', 'opening-hours');
    heading.insert(0, [new Y.XmlText('Opening hours')]);
    specificationFragment(copy).insert(2, [heading]);

    takeSectionChange(fork, copy, draft, 'access');
    expect(lines(draft)).toEqual(lines(fork));
    takeSectionChange(fork, copy, draft, 'opening-hours');

    expect(lines(draft)).toEqual([
      'Access to the service',
      'Referrals are accepted from professionals.',
      'Opening hours',
      'The service is open on weekdays.',
      'Workforce',
      'Key workers are trained in autism.',
    ]);
    expect(sectionBlocksOf(draft).map((section) => section.key)).toEqual([
      'access',
      'opening-hours',
      'workforce',
    ]);
  });

  it('merges with what others type in the draft at the same time', () => {
    const someoneElse = forkOf(draft);
    textOf(copy, 4).insert(textOf(copy, 4).length - 1, ' and trauma-informed care');
    textOf(someoneElse, 4).insert(0, 'Every one of the ');

    draft.transact(() => takeSectionChange(fork, copy, draft, 'workforce'));
    Y.applyUpdate(draft, Y.encodeStateAsUpdate(someoneElse));
    Y.applyUpdate(someoneElse, Y.encodeStateAsUpdate(draft));

    expect(lines(draft)[4]).toBe(
      'Every one of the Key workers are trained in autism and trauma-informed care.',
    );
    expect(lines(someoneElse)).toEqual(lines(draft));
  });

  it('brings formatting changed in the copy to the same words, and leaves the draft’s own', () => {
    const bold = { bold: {} };
    textOf(fork, 1).format(0, 9, bold);
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(fork));
    Y.applyUpdate(draft, Y.encodeStateAsUpdate(fork));
    // Since the fork: the copy bolds "accepted" and unbolds "Referrals"; the draft writes
    // before both and puts "professionals" in italics.
    textOf(copy, 1).format(14, 8, bold);
    textOf(copy, 1).format(0, 9, { bold: null });
    textOf(draft, 1).insert(0, 'All ');
    textOf(draft, 1).format(32, 13, { italic: {} });

    expect(takeSectionChange(fork, copy, draft, 'access')).toBe(true);

    expect(textOf(draft, 1).toDelta()).toEqual([
      { insert: 'All Referrals are ' },
      { insert: 'accepted', attributes: bold },
      { insert: ' from ' },
      { insert: 'professionals', attributes: { italic: {} } },
      { insert: '.' },
    ]);
  });

  it('formatting on words the draft has deleted since stays gone', () => {
    textOf(copy, 4).format(0, 11, { bold: {} });
    textOf(draft, 4).delete(0, 4);

    takeSectionChange(fork, copy, draft, 'workforce');

    expect(textOf(draft, 4).toDelta()).toEqual([
      { insert: 'workers', attributes: { bold: {} } },
      { insert: ' are trained in autism.' },
    ]);
  });

  it('an unchanged section changes nothing', () => {
    const before = Y.encodeStateVector(draft);
    expect(takeSectionChange(fork, copy, draft, 'workforce')).toBe(false);
    expect(Y.encodeStateVector(draft)).toEqual(before);
  });
});

describe('who changed each section of an engagement copy', () => {
  it('names the clients who wrote in a section and the fork’s text deleted from it', () => {
    const draft = draftOf(SECTIONS);
    const fork = forkOf(draft);
    const copy = forkOf(fork);
    const provider = forkOf(copy);
    textOf(provider, 4).insert(0, 'All ');
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(provider));
    textOf(copy, 1).delete(0, 10);

    const edits = sectionEditsOf(fork, copy);

    expect([...edits.get('workforce')!.writers]).toEqual([provider.clientID]);
    expect(edits.get('workforce')!.deletions).toEqual([]);
    expect(edits.get('access')!.writers.size).toBe(0);
    expect(edits.get('access')!.deletions).toEqual([
      { client: draft.clientID, clock: expect.any(Number), length: 10 },
    ]);
  });

  it('names a client who only formatted words', () => {
    const draft = draftOf(SECTIONS);
    const fork = forkOf(draft);
    const copy = forkOf(fork);
    const provider = forkOf(copy);
    textOf(provider, 4).format(0, 3, { bold: {} });
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(provider));

    expect([...sectionEditsOf(fork, copy).get('workforce')!.writers]).toEqual([provider.clientID]);
  });

  it('a deleted paragraph counts in the section it stood in', () => {
    const draft = draftOf(SECTIONS);
    const fork = forkOf(draft);
    const copy = forkOf(fork);
    specificationFragment(copy).delete(2, 1);

    const edits = sectionEditsOf(fork, copy);

    expect(edits.get('access')!.deletions.length).toBeGreaterThan(0);
    expect(edits.get('workforce')!.deletions).toEqual([]);
  });
});
