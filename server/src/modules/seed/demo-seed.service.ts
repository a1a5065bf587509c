import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { Role } from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  anchorOnWords,
  initialSpecificationUpdate,
  resolveAnchor,
} from '@coproduce/specification-document';
import { Connection, Model, Types } from 'mongoose';
import { DEFAULT_DEMO_PASSWORD, type AppConfig } from '../../base/config';
import { Membership } from '../access/membership.schema';
import { hashPassword, verifyPassword } from '../accounts/password';
import { User } from '../accounts/user.schema';
import { CommentThread } from '../comments/comment-thread.schema';
import { EngagementEvent } from '../engagement/engagement-event.schema';
import { Feedback } from '../engagement/feedback.schema';
import { FeedbackTheme, themeKey } from '../engagement/feedback-theme.schema';
import { checkedReach, sumOf } from '../engagement/reach-counts';
import { TargetCohort } from '../engagement/target-cohort.schema';
import { ukToday } from '../publishing/clarification-deadline';
import { ClarificationQuestion } from '../publishing/clarification-question.schema';
import { renderVersion } from '../publishing/render-version';
import { SpecificationVersion } from '../publishing/specification-version.schema';
import { newLogWriterId } from '../specification-store/log-writer-id';
import { SpecificationStore } from '../specification-store/specification-store';
import { Specification } from '../specifications/specification.schema';
import { Workspace } from '../workspaces/workspace.schema';
import { CopyRecords } from '../engagement/rounds/copy-records';
import { EngagementRound } from '../engagement/rounds/engagement-round.schema';
import { DEMO_THREADS } from './demo-comment-threads';
import { DEMO_COHORT, DEMO_EVENTS, DEMO_FEEDBACK, DEMO_THEMES } from './demo-engagement';
import { DEMO_ROUND, demoCopyWriting } from './demo-engagement-round';
import {
  DEMO_PUBLISHED_SECTIONS,
  DEMO_PUBLISHED_TITLE,
  DEMO_QUESTIONS,
  DEMO_VERSION,
} from './demo-publishing';
import {
  isLoopbackHost,
  publishedDemoPasswordRefusal,
  publishedDemoPasswordWarning,
} from './demo-exposure';
import { writeDemoSpecification } from './demo-specification-content';
import {
  DEMO_ACCOUNTS,
  DEMO_SPECIFICATION_TITLE,
  DEMO_WORKSPACE,
  type DemoAccount,
} from './demo-workspace';

const SEED_MARKER = 'demo-workspace-v1';

/**
 * Seeds the demo workspace on the first start (unless SEED_DEMO=false). A
 * marker records that it ran, so deleting demo data later is respected; each
 * step is also an upsert, so an interrupted first run completes next time.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(Workspace.name) private readonly workspaces: Model<Workspace>,
    @InjectModel(Membership.name) private readonly memberships: Model<Membership>,
    @InjectModel(Specification.name) private readonly specifications: Model<Specification>,
    @InjectModel(CommentThread.name) private readonly threads: Model<CommentThread>,
    @InjectModel(SpecificationVersion.name)
    private readonly versions: Model<SpecificationVersion>,
    @InjectModel(ClarificationQuestion.name)
    private readonly questions: Model<ClarificationQuestion>,
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    @InjectModel(FeedbackTheme.name) private readonly themes: Model<FeedbackTheme>,
    @InjectModel(TargetCohort.name) private readonly cohorts: Model<TargetCohort>,
    @InjectModel(EngagementRound.name) private readonly rounds: Model<EngagementRound>,
    private readonly specificationStore: SpecificationStore,
    private readonly copyRecords: CopyRecords,
  ) {}

  /**
   * Runs before the app listens. Where other machines reach it, the demo is created only
   * with a password of the operator's own: a throw here stops start-up with the reason.
   */
  async onApplicationBootstrap(): Promise<void> {
    const host = this.config.get('HOST', { infer: true });
    const reachable = !(await isLoopbackHost(host));
    if (this.config.get('SEED_DEMO', { infer: true })) {
      const password = this.config.get('DEMO_PASSWORD', { infer: true });
      if (reachable && password === DEFAULT_DEMO_PASSWORD) {
        throw new Error(publishedDemoPasswordRefusal(host));
      }
      await this.seedOnce();
    }
    if (reachable) await this.warnIfPublishedPasswordIsReachable(host);
  }

  private async seedOnce(): Promise<void> {
    const markers = this.connection.collection<{ _id: string; at: Date }>('seed_runs');
    if (await markers.findOne({ _id: SEED_MARKER })) return;
    await this.seed();
    await markers.updateOne({ _id: SEED_MARKER }, { $set: { at: new Date() } }, { upsert: true });
    this.logger.log('Seeded the demo workspace and accounts');
  }

  /**
   * Asks the stored account rather than the settings: the seed runs once, so a
   * DEMO_PASSWORD set after the first start, or SEED_DEMO=false later, leaves the
   * accounts seeded earlier (on this machine only) with the password they were given.
   */
  private async warnIfPublishedPasswordIsReachable(host: string): Promise<void> {
    const commissioner = DEMO_ACCOUNTS.find((account) => account.role === 'commissioner');
    if (!commissioner) return;
    const account = await this.users.findOne({ email: commissioner.email }).exec();
    if (!account || !(await verifyPassword(account.passwordHash, DEFAULT_DEMO_PASSWORD))) return;
    this.logger.warn(publishedDemoPasswordWarning(host, commissioner.email));
  }

  private async seed(): Promise<void> {
    const passwordHash = await hashPassword(this.config.get('DEMO_PASSWORD', { infer: true }));
    const workspace = await this.workspaces
      .findOneAndUpdate(
        { name: DEMO_WORKSPACE.name, leadOrganisation: DEMO_WORKSPACE.leadOrganisation },
        { $setOnInsert: DEMO_WORKSPACE },
        { upsert: true, new: true },
      )
      .exec();
    const people = new Map<Role, Types.ObjectId>();
    for (const account of DEMO_ACCOUNTS) {
      people.set(account.role, await this.seedMember(workspace._id, account, passwordHash));
    }
    const commissionerId = people.get('commissioner');
    if (!commissionerId) throw new Error('The demo accounts need a commissioner');
    const specification = await this.specifications
      .findOneAndUpdate(
        { workspaceId: workspace._id, title: DEMO_SPECIFICATION_TITLE },
        {
          $setOnInsert: {
            workspaceId: workspace._id,
            title: DEMO_SPECIFICATION_TITLE,
            status: 'draft',
            createdBy: commissionerId,
            updatedBy: commissionerId,
          },
        },
        { upsert: true, new: true },
      )
      .exec();
    const text = await this.writeDemoText(specification.id as string);
    try {
      await this.writeDemoThreads(workspace._id, specification._id, people, text);
      await this.writeDemoEngagement(workspace._id, specification._id, people, text);
      await this.writeDemoRound(workspace._id, specification._id, people, text);
    } finally {
      text.destroy();
    }
    await this.seedPublishedSpecification(workspace._id, people);
  }

  /** A demo account and its membership, each only if missing; the account's id. */
  private async seedMember(
    workspaceId: Types.ObjectId,
    account: DemoAccount,
    passwordHash: string,
  ): Promise<Types.ObjectId> {
    const user = await this.users
      .findOneAndUpdate(
        { email: account.email },
        { $setOnInsert: { email: account.email, name: account.name, passwordHash } },
        { upsert: true, new: true },
      )
      .exec();
    await this.memberships
      .updateOne(
        { workspaceId, userId: user._id },
        {
          $setOnInsert: {
            workspaceId,
            userId: user._id,
            role: account.role,
            organisation: account.organisation,
          },
        },
        { upsert: true },
      )
      .exec();
    return user._id;
  }

  /**
   * The draft's text, partly written, stored as the collab module stores any
   * specification's first state. Only when it has none yet: the app is not
   * listening during seeding, so nobody can have opened it meanwhile.
   */
  private async writeDemoText(specificationId: string): Promise<Y.Doc> {
    const stored = await this.specificationStore.load(specificationId);
    const doc = new Y.Doc();
    if (stored.snapshot || stored.log.length > 0) {
      // Written by an earlier, interrupted run: read it back, for the threads' anchors.
      for (const part of [stored.snapshot?.state, ...stored.log.map((entry) => entry.update)]) {
        if (part) Y.applyUpdate(doc, part);
      }
      return doc;
    }
    writeDemoSpecification(doc);
    await this.specificationStore.append(specificationId, [
      { writer: newLogWriterId(), seq: 1, update: Y.encodeStateAsUpdate(doc) },
    ]);
    return doc;
  }

  /**
   * The demo draft's comment threads, anchored to words of the text just stored (the
   * same Y.Doc, so the anchors name its characters). Only when it has none yet.
   */
  private async writeDemoThreads(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
    people: ReadonlyMap<Role, Types.ObjectId>,
    text: Y.Doc,
  ): Promise<void> {
    if (await this.threads.exists({ specificationId })) return;
    const person = (role: Role) => {
      const id = people.get(role);
      if (!id) throw new Error(`The demo threads need a ${role}`);
      return id;
    };
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    for (const thread of DEMO_THREADS) {
      const anchor = anchorOnWords(text, thread.words);
      if (!anchor) throw new Error(`The demo text has no "${thread.words}" to comment on`);
      const [first] = thread.comments;
      const last = thread.comments.at(-1);
      if (!first || !last) throw new Error('A demo thread needs a comment');
      const resolved = thread.status === 'resolved' && thread.resolvedBy;
      // Without timestamps: the conversation happened over the last few days.
      await new this.threads({
        workspaceId,
        specificationId,
        status: thread.status,
        anchor,
        quote: resolveAnchor(text, anchor).quote,
        createdBy: person(first.by),
        resolvedBy: resolved ? person(resolved) : null,
        resolvedAt: resolved ? hoursAgo(last.hoursAgo) : null,
        statusChanges: resolved
          ? [{ status: 'resolved', by: person(resolved), at: hoursAgo(last.hoursAgo) }]
          : [],
        comments: thread.comments.map((comment) => ({
          authorId: person(comment.by),
          body: comment.body,
          mentions: (comment.mentions ?? []).map(person),
          createdAt: hoursAgo(comment.hoursAgo),
        })),
        createdAt: hoursAgo(first.hoursAgo),
        updatedAt: hoursAgo(last.hoursAgo),
      }).save({ timestamps: false });
    }
  }

  /**
   * The engagement behind the draft: events with who took part, the themes, what people
   * said (some of it linked to the words of the draft it shaped) and the target cohort.
   * Only when the workspace has no events yet.
   */
  private async writeDemoEngagement(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
    people: ReadonlyMap<Role, Types.ObjectId>,
    text: Y.Doc,
  ): Promise<void> {
    if (await this.events.exists({ workspaceId })) return;
    const lead = people.get('engagement-lead');
    const commissioner = people.get('commissioner');
    const provider = people.get('provider');
    if (!lead || !commissioner || !provider) {
      throw new Error(
        'The demo engagement needs an engagement lead, a commissioner and a provider',
      );
    }
    const day = (daysAgo: number, hour: number) => {
      const date = new Date(Date.now() - daysAgo * 86_400_000);
      date.setUTCHours(hour, 0, 0, 0);
      return date;
    };
    const eventIds = new Map<string, Types.ObjectId>();
    for (const event of DEMO_EVENTS) {
      const reach = checkedReach(event.reach);
      const startsAt = day(event.daysAgo, event.hour);
      const created = await this.events.create({
        workspaceId,
        type: event.type,
        title: event.title,
        startsAt,
        endsAt: new Date(startsAt.getTime() + event.hours * 3_600_000),
        place: event.place,
        online: event.online ?? false,
        facilitators: event.facilitators,
        partnerOrganisations: event.partnerOrganisations ?? [],
        notes: event.notes,
        accessibilityNotes: event.accessibilityNotes ?? '',
        safeguardingNotes: event.safeguardingNotes ?? '',
        reach,
        tookPart: event.tookPart ?? null,
        total: event.tookPart ?? sumOf(reach),
        attendingOrganisations: event.attendingOrganisations ?? [],
        providerParticipants: event.demoProviderTookPart ? [provider] : [],
        marketNotice: event.marketNotice ?? null,
        createdBy: lead,
      });
      eventIds.set(event.key, created._id);
    }
    const themeIds = new Map<string, Types.ObjectId>();
    for (const name of DEMO_THEMES) {
      const theme = await this.themes.create({ workspaceId, name, key: themeKey(name) });
      themeIds.set(name, theme._id);
    }
    for (const [index, item] of DEMO_FEEDBACK.entries()) {
      const anchor = item.words ? anchorOnWords(text, item.words) : null;
      if (item.words && !anchor) throw new Error(`The demo text has no "${item.words}" to link to`);
      const eventId = eventIds.get(item.from) ?? null;
      const event = DEMO_EVENTS.find((each) => each.key === item.from);
      const givenAt = day(Math.max((event?.daysAgo ?? 90) - 1, 1), 12 + (index % 6));
      const decided = item.status !== 'new';
      await new this.feedback({
        workspaceId,
        eventId,
        source: eventId ? '' : item.from,
        text: item.text,
        verbatim: item.verbatim,
        audience: item.audience,
        ageBand: item.ageBand ?? null,
        themeIds: item.themes.map((name) => themeIds.get(name)!),
        status: item.status,
        reason: item.reason ?? null,
        statusChanges: decided
          ? [
              {
                status: item.status,
                reason: item.reason ?? null,
                by: item.status === 'considering' ? lead : commissioner,
                at: new Date(givenAt.getTime() + 14 * 86_400_000),
              },
            ]
          : [],
        links:
          item.words || item.status === 'reflected' || item.status === 'not-taken-forward'
            ? [
                {
                  specificationId,
                  anchor,
                  quote: anchor ? resolveAnchor(text, anchor).quote : null,
                },
              ]
            : [],
        createdBy: lead,
        createdAt: givenAt,
        updatedAt: givenAt,
      }).save({ timestamps: false });
    }
    await this.cohorts.updateOne(
      { workspaceId },
      { $setOnInsert: { workspaceId, groups: checkedReach(DEMO_COHORT) } },
      { upsert: true },
    );
  }

  /**
   * A closed market engagement round on the draft, whose engagement copy holds the demo
   * provider's wording (stored as their browsers would have sent it, with who wrote as
   * which client), for the commissioner to bring back. Only when the workspace has none.
   */
  private async writeDemoRound(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
    people: ReadonlyMap<Role, Types.ObjectId>,
    text: Y.Doc,
  ): Promise<void> {
    if (await this.rounds.exists({ workspaceId })) return;
    const commissioner = people.get('commissioner');
    const provider = people.get('provider');
    const event = DEMO_EVENTS.find((each) => each.key === DEMO_ROUND.event);
    const eventId = event
      ? (await this.events.findOne({ workspaceId, title: event.title }, { _id: 1 }).exec())?._id
      : undefined;
    if (!commissioner || !provider || !eventId) {
      throw new Error('The demo round needs a commissioner, a provider and its event');
    }
    await this.events
      .updateOne({ _id: eventId }, { $addToSet: { providerParticipants: provider } })
      .exec();
    const forkState = Y.encodeStateAsUpdate(text);
    const writings = [{ userId: provider, ...demoCopyWriting(forkState, DEMO_ROUND.edits) }];
    const copyId = new Types.ObjectId();
    const writer = newLogWriterId();
    await this.specificationStore.append(copyId.toHexString(), [
      { writer, seq: 1, update: forkState },
      ...writings.map((writing, index) => ({ writer, seq: index + 2, update: writing.update })),
    ]);
    const daysAgo = (days: number, hour: number) => {
      const date = new Date(Date.now() - days * 86_400_000);
      date.setUTCHours(hour, 0, 0, 0);
      return date;
    };
    const closesAt = daysAgo(DEMO_ROUND.closesDaysAgo, 17);
    const roundId = new Types.ObjectId();
    await this.copyRecords.keepFork(roundId, forkState);
    await this.copyRecords.addAuthors(roundId, {
      writers: writings.map(({ client, userId }) => ({ client, userId })),
      deletions: writings.flatMap(({ deletions, userId }) =>
        deletions.map((deletion) => ({ ...deletion, userId })),
      ),
    });
    await this.rounds.create({
      _id: roundId,
      workspaceId,
      specificationId,
      eventId,
      copyId,
      title: DEMO_ROUND.title,
      opensAt: daysAgo(DEMO_ROUND.opensDaysAgo, 9),
      closesAt,
      closedAt: closesAt,
      participants: [provider],
      namesShown: false,
      forkedAt: daysAgo(DEMO_ROUND.opensDaysAgo, 9),
      createdBy: commissioner,
      decisions: [],
      recordedAs: [],
    });
  }

  /**
   * A second specification, published as version 1 with the demo provider's questions on
   * it, so providers have something to read from the start. Only when it has no version yet.
   */
  private async seedPublishedSpecification(
    workspaceId: Types.ObjectId,
    people: ReadonlyMap<Role, Types.ObjectId>,
  ): Promise<void> {
    const commissioner = people.get('commissioner');
    const provider = people.get('provider');
    if (!commissioner || !provider) {
      throw new Error('The published demo needs a commissioner and a provider');
    }
    const specification = await this.specifications
      .findOneAndUpdate(
        { workspaceId, title: DEMO_PUBLISHED_TITLE },
        {
          $setOnInsert: {
            workspaceId,
            title: DEMO_PUBLISHED_TITLE,
            status: 'draft',
            createdBy: commissioner,
            updatedBy: commissioner,
          },
        },
        { upsert: true, new: true },
      )
      .exec();
    const specificationId = specification._id;
    if (await this.versions.exists({ specificationId })) return;
    const stored = await this.specificationStore.load(specification.id as string);
    const state =
      stored.snapshot || stored.log.length > 0
        ? Y.mergeUpdates([
            ...(stored.snapshot ? [stored.snapshot.state] : []),
            ...stored.log.map((entry) => entry.update),
          ])
        : initialSpecificationUpdate(DEMO_PUBLISHED_SECTIONS);
    if (!stored.snapshot && stored.log.length === 0) {
      await this.specificationStore.append(specification.id as string, [
        { writer: newLogWriterId(), seq: 1, update: state },
      ]);
    }
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    const daysAhead = (days: number) => ukToday(new Date(Date.now() + days * 86_400_000));
    await this.versions.create({
      specificationId,
      workspaceId,
      number: 1,
      name: DEMO_VERSION.name,
      notes: DEMO_VERSION.notes,
      clarificationDeadline: daysAhead(DEMO_VERSION.clarificationDays),
      submissionDeadline: daysAhead(DEMO_VERSION.submissionDays),
      specificationTitle: DEMO_PUBLISHED_TITLE,
      state: Buffer.from(state),
      ...renderVersion(state),
      publishedBy: commissioner,
      publishedAt: hoursAgo(DEMO_VERSION.hoursAgo),
    });
    await this.specifications.updateOne(
      { _id: specificationId },
      { $set: { status: 'published' } },
    );
    const organisation = DEMO_ACCOUNTS.find((account) => account.role === 'provider')?.organisation;
    for (const question of DEMO_QUESTIONS) {
      await this.questions.create({
        workspaceId,
        specificationId,
        versionNumber: 1,
        body: question.body,
        askedBy: provider,
        askedByOrganisation: organisation ?? null,
        askedAt: hoursAgo(question.hoursAgo),
        answer: question.answer,
        answeredBy: question.answer ? commissioner : null,
        answeredAt: question.answer ? hoursAgo(question.hoursAgo - 2) : null,
      });
    }
  }
}
