import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  MAX_FEEDBACK_LENGTH,
  type Anchor,
  type RoundAuthor,
  type RoundChange,
  type RoundDecision,
  type RoundFeedbackRequest,
  type SectionComparison,
} from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  anchorFromTextPositions,
  compareSections,
  keyedTextSection,
  sectionBlocksOf,
  sectionEditsOf,
  takeSectionChange,
  textsIn,
  type SectionEdits,
} from '@coproduce/specification-document';
import { Model, Types } from 'mongoose';
import { BadRequest, Conflict, NotFound } from '../../../base/errors';
import type { WorkspaceCaller } from '../../access/workspace-caller';
import { WorkspaceRoles } from '../../access/workspace-roles';
import { AccountsService } from '../../accounts/accounts.service';
import { SpecificationReader } from '../../collab/specification-reader';
import { SpecificationWriter } from '../../collab/specification-writer';
import { SpecificationsService } from '../../specifications/specifications.service';
import { FeedbackService } from '../feedback.service';
import { CopyAuthorship } from './copy-authorship';
import { CopyRecords, type CopyAuthors } from './copy-records';
import { hasClosed } from './engagement-copies';
import {
  EngagementRound,
  type RoundDecisionRecord,
  type StoredRound,
} from './engagement-round.schema';
import { EngagementRoundsService } from './engagement-rounds.service';

/** The fork and the copy as they are now, for one reading of a round's changes. */
interface Forks {
  round: StoredRound;
  authors: CopyAuthors;
  fork: Y.Doc;
  copy: Y.Doc;
}

/**
 * Bringing a round back: what changed in the engagement copy since the fork, section by
 * section and by whom, and each change decided once — taken into the draft as a new
 * edit, or recorded as feedback in engagement. Nothing is merged wholesale.
 */
@Injectable()
export class RoundChangesService {
  constructor(
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
    private readonly roundsService: EngagementRoundsService,
    private readonly reader: SpecificationReader,
    private readonly writer: SpecificationWriter,
    private readonly authorship: CopyAuthorship,
    private readonly records: CopyRecords,
    private readonly accounts: AccountsService,
    private readonly roles: WorkspaceRoles,
    private readonly specifications: SpecificationsService,
    private readonly feedback: FeedbackService,
  ) {}

  async list(caller: WorkspaceCaller, roundId: Types.ObjectId): Promise<RoundChange[]> {
    const forks = await this.open(caller, roundId);
    try {
      return await this.changesOf(caller, forks);
    } finally {
      forks.fork.destroy();
      forks.copy.destroy();
    }
  }

  /**
   * How many sections changed and how many are decided, for the round's page: the
   * comparison alone, without looking up who made each change.
   */
  async count(
    caller: WorkspaceCaller,
    roundId: Types.ObjectId,
  ): Promise<{ total: number; decided: number }> {
    const forks = await this.open(caller, roundId);
    try {
      const keys = new Set(changedSections(forks).map((section) => section.id ?? ''));
      const decided = forks.round.decisions.filter((decision) => keys.has(decision.key));
      return { total: keys.size, decided: decided.length };
    } finally {
      forks.fork.destroy();
      forks.copy.destroy();
    }
  }

  async take(caller: WorkspaceCaller, roundId: Types.ObjectId, key: string): Promise<RoundChange> {
    const forks = await this.open(caller, roundId);
    try {
      const change = await this.undecided(caller, forks, key);
      const specificationId = forks.round.specificationId;
      const specification = await this.specifications.findInWorkspace(
        caller.workspaceId,
        specificationId,
      );
      if (!specification) throw new NotFound('the specification this round was forked from');
      if (specification.archivedAt) {
        throw new Conflict(
          'The specification is archived. Restore it before taking changes into it.',
        );
      }
      await this.claim(roundId, { key, kind: 'taken', by: caller.user._id, at: new Date() });
      try {
        await this.writer.edit(
          specificationId.toHexString(),
          caller.user._id.toHexString(),
          (draft) => {
            takeSectionChange(forks.fork, forks.copy, draft, key);
          },
        );
      } catch (error) {
        await this.unclaim(roundId, key);
        throw error;
      }
      return { ...change, decision: await this.decisionOf(roundId, key) };
    } finally {
      forks.fork.destroy();
      forks.copy.destroy();
    }
  }

  async recordAsFeedback(
    caller: WorkspaceCaller,
    roundId: Types.ObjectId,
    key: string,
    request: RoundFeedbackRequest,
  ): Promise<RoundChange> {
    const forks = await this.open(caller, roundId);
    try {
      const change = await this.undecided(caller, forks, key);
      const reason =
        request.status === 'not-taken-forward' ? (request.reason?.trim() ?? null) : null;
      // Checked before anything is stored: the feedback item is created before its status
      // is set, so a refusal from that step would leave the item behind.
      if (request.status === 'not-taken-forward' && !reason) {
        throw new BadRequest(
          'Say why this change is not being taken forward: the reason is what the providers who proposed it will read.',
        );
      }
      await this.claim(roundId, {
        key,
        kind: 'feedback',
        by: caller.user._id,
        at: new Date(),
        status: request.status,
        reason,
      });
      try {
        const anchor = await this.headingAnchor(forks.round.specificationId, key);
        const { feedback } = await this.feedback.create(caller, {
          eventId: forks.round.eventId.toHexString(),
          text: feedbackText(forks.round.title, change),
          // Our sentence around the providers' words (quoted within it), not their own words.
          verbatim: false,
          audience: request.audience ?? 'voluntary-sector-providers',
          themes: request.themes ?? [],
          links: [
            {
              specificationId: forks.round.specificationId.toHexString(),
              ...(anchor ? { anchor } : {}),
            },
          ],
          clientId: `round-${roundId.toHexString()}-${key}`.slice(0, 100),
        });
        if (request.status !== 'new') {
          await this.feedback.change(caller, new Types.ObjectId(feedback.id), {
            status: request.status,
            ...(request.reason !== undefined ? { reason: request.reason } : {}),
          });
        }
        await this.rounds
          .updateOne(
            { _id: roundId },
            { $push: { recordedAs: { key, feedbackId: new Types.ObjectId(feedback.id) } } },
          )
          .exec();
      } catch (error) {
        await this.unclaim(roundId, key);
        throw error;
      }
      return { ...change, decision: await this.decisionOf(roundId, key) };
    } finally {
      forks.fork.destroy();
      forks.copy.destroy();
    }
  }

  private async open(caller: WorkspaceCaller, roundId: Types.ObjectId): Promise<Forks> {
    await this.roundsService.find(caller, roundId);
    await this.authorship.flush(roundId.toHexString());
    const [round, forkState, authors] = await Promise.all([
      this.rounds.findById(roundId).lean<StoredRound>().exec(),
      this.records.fork(roundId),
      this.records.authors(roundId),
    ]);
    if (!round || !forkState) throw new NotFound('that market engagement round');
    const fork = new Y.Doc();
    Y.applyUpdate(fork, forkState);
    const copy = await this.reader.read(round.copyId.toHexString());
    return { round, authors, fork, copy };
  }

  /** The change named `key`, which must not be decided yet and whose round has closed. */
  private async undecided(
    caller: WorkspaceCaller,
    forks: Forks,
    key: string,
  ): Promise<RoundChange> {
    if (!hasClosed(forks.round)) {
      throw new Conflict(
        'Close the round before bringing its changes back: until then providers may still change them.',
      );
    }
    const change = (await this.changesOf(caller, forks)).find((each) => each.key === key);
    if (!change) throw new NotFound('that change in the engagement copy');
    if (change.decision) {
      throw new Conflict(
        'This change has already been decided. Each change is taken in or recorded once.',
      );
    }
    return change;
  }

  private async changesOf(caller: WorkspaceCaller, forks: Forks): Promise<RoundChange[]> {
    const { round, authors, fork, copy } = forks;
    const compared = changedSections(forks);
    const edits = sectionEditsOf(fork, copy);
    const authorIds = new Map(
      compared.map((section) => [
        section.id ?? '',
        authorsOf(edits.get(section.id ?? ''), authors),
      ]),
    );
    const everyone = [...new Set([...authorIds.values()].flat())].map(
      (id) => new Types.ObjectId(id),
    );
    const [people, members] = await Promise.all([
      this.accounts.findSummaries([...everyone, ...round.decisions.map((decision) => decision.by)]),
      this.roles.membersOf(caller.workspaceId),
    ]);
    const organisations = new Map(
      members.flatMap((member) =>
        member.organisation ? [[member.userId.toHexString(), member.organisation]] : [],
      ),
    );
    const nameOf = (id: string) => people.get(id)?.name ?? 'Former member';
    return compared.map((section) => {
      const key = section.id ?? '';
      const authors = (authorIds.get(key) ?? []).map((id): RoundAuthor => {
        const organisation = organisations.get(id);
        return { id, name: nameOf(id), ...(organisation ? { organisation } : {}) };
      });
      const decision = round.decisions.find((each) => each.key === key);
      return {
        key,
        heading: section.heading,
        ...(section.previousHeading !== undefined
          ? { previousHeading: section.previousHeading }
          : {}),
        change: section.change as RoundChange['change'],
        runs: section.runs,
        wordsAdded: section.wordsAdded,
        wordsRemoved: section.wordsRemoved,
        ...(section.formattingChanged ? { formattingChanged: true } : {}),
        authors,
        decision: decision ? decisionView(decision, round, nameOf) : null,
      };
    });
  }

  /** Decides a change once: a second decision, even at the same moment, is refused. */
  private async claim(
    roundId: Types.ObjectId,
    decision: Omit<RoundDecisionRecord, 'status' | 'reason'> & Partial<RoundDecisionRecord>,
  ): Promise<void> {
    const claimed = await this.rounds
      .updateOne(
        { _id: roundId, 'decisions.key': { $ne: decision.key } },
        { $push: { decisions: { status: null, reason: null, ...decision } } },
      )
      .exec();
    if (claimed.modifiedCount === 0) {
      throw new Conflict(
        'This change has already been decided. Each change is taken in or recorded once.',
      );
    }
  }

  private async unclaim(roundId: Types.ObjectId, key: string): Promise<void> {
    await this.rounds
      .updateOne({ _id: roundId }, { $pull: { decisions: { key }, recordedAs: { key } } })
      .exec();
  }

  private async decisionOf(roundId: Types.ObjectId, key: string): Promise<RoundDecision | null> {
    const round = await this.rounds
      .findById(roundId, { decisions: 1, recordedAs: 1 })
      .lean<StoredRound>()
      .exec();
    const decision = round?.decisions.find((each) => each.key === key);
    if (!round || !decision) return null;
    const people = await this.accounts.findSummaries([decision.by]);
    return decisionView(decision, round, (id) => people.get(id)?.name ?? 'Former member');
  }

  /** An anchor on the section's heading as it is in the draft now, if it is still there. */
  private async headingAnchor(
    specificationId: Types.ObjectId,
    key: string,
  ): Promise<Anchor | null> {
    const draft = await this.reader.read(specificationId.toHexString());
    try {
      const heading = sectionBlocksOf(draft).find((section) => section.key === key)?.heading;
      const text = heading ? textsIn(heading).find((each) => each.length > 0) : undefined;
      return text
        ? anchorFromTextPositions({ text, index: 0 }, { text, index: text.length })
        : null;
    } finally {
      draft.destroy();
    }
  }
}

/** The people who wrote in a section or deleted from it, as recorded for the round. */
function authorsOf(edits: SectionEdits | undefined, round: CopyAuthors): string[] {
  if (!edits) return [];
  const authors = new Set<string>();
  for (const client of edits.writers) {
    const writer = round.writers.find((each) => each.client === client);
    if (writer) authors.add(writer.userId.toHexString());
  }
  for (const gone of edits.deletions) {
    for (const deletion of round.deletions) {
      if (
        deletion.client === gone.client &&
        deletion.clock < gone.clock + gone.length &&
        gone.clock < deletion.clock + deletion.length
      ) {
        authors.add(deletion.userId.toHexString());
      }
    }
  }
  return [...authors];
}

function decisionView(
  decision: RoundDecisionRecord,
  round: Pick<StoredRound, 'recordedAs'>,
  nameOf: (id: string) => string,
): RoundDecision {
  const by = { id: decision.by.toHexString(), name: nameOf(decision.by.toHexString()) };
  const at = decision.at.toISOString();
  const feedbackId = round.recordedAs.find((each) => each.key === decision.key)?.feedbackId;
  if (decision.kind === 'taken' || !feedbackId || !decision.status) {
    return { kind: 'taken', by, at };
  }
  return {
    kind: 'feedback',
    by,
    at,
    feedbackId: feedbackId.toHexString(),
    status: decision.status,
    ...(decision.reason ? { reason: decision.reason } : {}),
  };
}

/** The feedback a change becomes: what the copy says now, where, and in which round. */
function feedbackText(roundTitle: string, change: RoundChange): string {
  const section = change.heading || 'the opening text';
  const proposed = wordsOf(change, 'added');
  const removed = wordsOf(change, 'removed');
  const lines = [
    `In the market engagement round “${roundTitle}”, providers proposed for “${section}”:`,
  ];
  if (change.change === 'removed') lines.push('Removing the section.');
  if (proposed) lines.push(`Adding: “${proposed}”`);
  if (removed) lines.push(`Removing: “${removed}”`);
  const text = lines.join('\n');
  return text.length > MAX_FEEDBACK_LENGTH ? `${text.slice(0, MAX_FEEDBACK_LENGTH - 1)}…` : text;
}

function wordsOf(change: Pick<SectionComparison, 'runs'>, kind: 'added' | 'removed'): string {
  return change.runs
    .filter((run) => run.kind === kind)
    .map((run) => run.text.trim())
    .filter(Boolean)
    .join(' … ');
}

/** The copy's sections that differ from the fork's, keyed as sectionBlocksOf keys them. */
function changedSections({ fork, copy }: Pick<Forks, 'fork' | 'copy'>): SectionComparison[] {
  return compareSections(
    sectionBlocksOf(fork).map(keyedTextSection),
    sectionBlocksOf(copy).map(keyedTextSection),
  ).sections.filter((section) => section.change !== 'unchanged');
}
