import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  FEEDBACK_PAGE_SIZE,
  type ChangeFeedbackRequest,
  type CreateFeedbackRequest,
  type Feedback as FeedbackView,
  type FeedbackEventSummary,
} from '@coproduce/domain';
import { resolveAnchors } from '@coproduce/specification-document';
import { Model, Types, type FilterQuery } from 'mongoose';
import { BadRequest, NotFound } from '../../base/errors';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { parseObjectId } from '../../base/object-id.pipe';
import { AccessPolicy } from '../access/access-policy';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { AccountsService } from '../accounts/accounts.service';
import { SpecificationReader } from '../collab/specification-reader';
import type { FeedbackQueryDto } from './dto/feedback-query.dto';
import { EngagementAccess } from './engagement-access';
import { EngagementEvent } from './engagement-event.schema';
import { Feedback, type StoredFeedbackLink } from './feedback.schema';
import { FeedbackLinks } from './feedback-links';
import { FeedbackThemesService } from './feedback-themes.service';
import { feedbackView, peopleInFeedback, type StoredFeedback } from './feedback-view';

export interface FeedbackPage {
  items: FeedbackView[];
  total: number;
}

/**
 * Feedback: what people said, where, which themes, what became of it (status, and the
 * reason when not taken forward) and the words of the specification it shaped.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    @InjectModel(EngagementEvent.name) private readonly events: Model<EngagementEvent>,
    private readonly access: EngagementAccess,
    private readonly themes: FeedbackThemesService,
    private readonly links: FeedbackLinks,
    private readonly accounts: AccountsService,
    private readonly reader: SpecificationReader,
  ) {}

  /** One page, newest first, with how many match. */
  async list(caller: WorkspaceCaller, query: FeedbackQueryDto): Promise<FeedbackPage> {
    const filter: FilterQuery<Feedback> = { workspaceId: caller.workspaceId };
    if (query.eventId) filter.eventId = parseObjectId(query.eventId);
    if (query.themeId) filter.themeIds = parseObjectId(query.themeId);
    if (query.status) filter.status = query.status;
    if (query.audience) filter.audience = query.audience;
    if (query.specificationId)
      filter['links.specificationId'] = parseObjectId(query.specificationId);
    if (query.search?.trim())
      filter.text = { $regex: escapeRegExp(query.search.trim()), $options: 'i' };
    const pageSize = query.pageSize ?? FEEDBACK_PAGE_SIZE;
    const [stored, total] = await Promise.all([
      this.feedback
        .find(filter, { statusChanges: { $slice: -1 } })
        .sort({ createdAt: -1, _id: -1 })
        .skip(((query.page ?? 1) - 1) * pageSize)
        .limit(pageSize)
        .lean<StoredFeedback[]>()
        .exec(),
      this.feedback.countDocuments(filter).exec(),
    ]);
    return { items: await this.views(caller, stored), total };
  }

  async get(caller: WorkspaceCaller, feedbackId: Types.ObjectId): Promise<FeedbackView> {
    return (await this.views(caller, [await this.find(caller, feedbackId)]))[0]!;
  }

  /** A resend with the same `clientId` answers with the item already stored. */
  async create(
    caller: WorkspaceCaller,
    request: CreateFeedbackRequest,
  ): Promise<{ feedback: FeedbackView; created: boolean }> {
    if (request.clientId) {
      const earlier = await this.byClientId(caller, request.clientId);
      if (earlier) return { feedback: earlier, created: false };
    }
    this.checkAgeBand(request.audience, request.ageBand);
    const eventId = request.eventId
      ? await this.access.referencedEvent(caller, request.eventId)
      : null;
    const links = await this.links.checked(caller, request.links ?? []);
    const themeIds = await this.themes.resolve(caller.workspaceId, request.themes);
    let created;
    try {
      created = await this.feedback.create({
        workspaceId: caller.workspaceId,
        eventId,
        source: eventId ? '' : (request.source ?? ''),
        text: request.text,
        verbatim: request.verbatim ?? false,
        audience: request.audience,
        ageBand: request.ageBand ?? null,
        themeIds,
        status: 'new',
        links,
        ...(request.clientId ? { clientId: request.clientId } : {}),
        createdBy: caller.user._id,
      });
    } catch (error) {
      // The same entry sent twice at once: the first one stored is the item.
      const earlier =
        isDuplicateKeyError(error) && request.clientId
          ? await this.byClientId(caller, request.clientId)
          : null;
      if (!earlier) throw error;
      return { feedback: earlier, created: false };
    }
    return { feedback: await this.get(caller, created._id), created: true };
  }

  async change(
    caller: WorkspaceCaller,
    feedbackId: Types.ObjectId,
    request: ChangeFeedbackRequest,
  ): Promise<FeedbackView> {
    const stored = await this.find(caller, feedbackId);
    const given = Object.entries(request).filter(([, value]) => value !== undefined);
    if (given.length === 0 || given.every(([key]) => key === 'reason')) {
      throw new BadRequest(
        'Say what to change: a status, its reason, the words, the audience, the themes or the links.',
      );
    }
    const audience = request.audience ?? stored.audience;
    const ageBand = request.ageBand !== undefined ? request.ageBand : stored.ageBand;
    this.checkAgeBand(audience, ageBand ?? undefined);
    const set: Record<string, unknown> = {};
    const update: Record<string, unknown> = { $set: set };
    if (request.status !== undefined || request.reason !== undefined) {
      const status = request.status ?? stored.status;
      const reason =
        status === 'not-taken-forward' ? (request.reason ?? stored.reason ?? '').trim() : null;
      if (status === 'not-taken-forward' && !reason) {
        throw new BadRequest(
          'Say why this feedback is not being taken forward: the reason is what the people who gave it will read.',
        );
      }
      if (status !== stored.status || reason !== stored.reason) {
        set.status = status;
        set.reason = reason;
        update.$push = { statusChanges: { status, reason, by: caller.user._id, at: new Date() } };
      }
    }
    if (request.text !== undefined) set.text = request.text;
    if (request.verbatim !== undefined) set.verbatim = request.verbatim;
    if (request.audience !== undefined) set.audience = audience;
    if (request.ageBand !== undefined || request.audience !== undefined)
      set.ageBand = ageBand ?? null;
    if (request.links !== undefined)
      set.links = await this.links.checked(caller, request.links, stored.links);
    // Last of the checks: a new theme's name adds it to the workspace's list.
    if (request.themes !== undefined)
      set.themeIds = await this.themes.resolve(caller.workspaceId, request.themes);
    await this.feedback
      .updateOne({ _id: feedbackId, workspaceId: caller.workspaceId }, update)
      .exec();
    return this.get(caller, feedbackId);
  }

  async remove(caller: WorkspaceCaller, feedbackId: Types.ObjectId): Promise<void> {
    await this.find(caller, feedbackId);
    await this.feedback.deleteOne({ _id: feedbackId, workspaceId: caller.workspaceId }).exec();
  }

  /**
   * The feedback behind a specification's text, in the order of the text (links to the
   * whole specification and to removed text last). A provider is answered 404, as for the
   * draft itself.
   */
  async forSpecification(
    caller: WorkspaceCaller,
    specificationId: Types.ObjectId,
  ): Promise<FeedbackView[]> {
    await this.checkDraftReader(caller, specificationId);
    const stored = await this.feedback
      .find(
        { workspaceId: caller.workspaceId, 'links.specificationId': specificationId },
        { statusChanges: { $slice: -1 } },
      )
      .sort({ createdAt: 1, _id: 1 })
      .lean<StoredFeedback[]>()
      .exec();
    if (stored.length === 0) return [];
    const firstAnchor = (item: StoredFeedback) =>
      item.links.find((link) => link.specificationId.equals(specificationId) && link.anchor)
        ?.anchor ?? null;
    const doc = await this.reader.read(specificationId.toHexString());
    let orders: number[];
    try {
      const anchored = stored.map(firstAnchor);
      const placed = resolveAnchors(
        doc,
        anchored.flatMap((anchor) => (anchor ? [anchor] : [])),
      );
      let next = 0;
      orders = anchored.map((anchor) =>
        anchor ? placed[next++]!.order : Number.POSITIVE_INFINITY,
      );
    } finally {
      doc.destroy();
    }
    const views = await this.views(caller, stored);
    return views
      .map((view, index) => ({ view, order: orders[index]! }))
      .sort((a, b) => a.order - b.order || 0)
      .map(({ view }) => view);
  }

  /** Feedback is the team's: a provider may not read any (403), and never a draft's (404). */
  async checkDraftReader(caller: WorkspaceCaller, specificationId: Types.ObjectId): Promise<void> {
    if (
      !AccessPolicy.can(caller.role, 'specification.read-draft') ||
      !(await this.access.specificationExists(caller, specificationId))
    ) {
      throw new NotFound('that specification');
    }
  }

  private async find(caller: WorkspaceCaller, feedbackId: Types.ObjectId): Promise<StoredFeedback> {
    const item = await this.feedback
      .findOne(
        { _id: feedbackId, workspaceId: caller.workspaceId },
        { statusChanges: { $slice: -1 } },
      )
      .lean<StoredFeedback>()
      .exec();
    if (!item) throw new NotFound('that feedback');
    return item;
  }

  private async byClientId(
    caller: WorkspaceCaller,
    clientId: string,
  ): Promise<FeedbackView | null> {
    const item = await this.feedback
      .findOne({ workspaceId: caller.workspaceId, clientId }, { _id: 1 })
      .lean()
      .exec();
    return item ? this.get(caller, item._id) : null;
  }

  private checkAgeBand(audience: string, ageBand: string | undefined | null): void {
    if (ageBand && audience !== 'children-and-young-people') {
      throw new BadRequest('An age band is only for feedback from children and young people.');
    }
  }

  private async views(caller: WorkspaceCaller, stored: StoredFeedback[]): Promise<FeedbackView[]> {
    if (stored.length === 0) return [];
    const eventIds = [
      ...new Map(
        stored.flatMap((item) =>
          item.eventId ? [[item.eventId.toHexString(), item.eventId] as const] : [],
        ),
      ).values(),
    ];
    const [events, themes, people, links] = await Promise.all([
      this.eventSummaries(caller.workspaceId, eventIds),
      this.themes.namesOf(caller.workspaceId),
      this.accounts.findSummaries(peopleInFeedback(stored)),
      this.links.shown(stored as { links: StoredFeedbackLink[] }[]),
    ]);
    return stored.map((item, index) =>
      feedbackView(item, { events, themes, people }, links[index]!),
    );
  }

  private async eventSummaries(
    workspaceId: Types.ObjectId,
    ids: Types.ObjectId[],
  ): Promise<Map<string, FeedbackEventSummary>> {
    if (ids.length === 0) return new Map();
    const events = await this.events
      .find({ workspaceId, _id: { $in: ids } }, { title: 1, type: 1, startsAt: 1 })
      .lean<
        { _id: Types.ObjectId; title: string; type: FeedbackEventSummary['type']; startsAt: Date }[]
      >()
      .exec();
    return new Map(
      events.map((event) => [
        event._id.toHexString(),
        {
          id: event._id.toHexString(),
          title: event.title,
          type: event.type,
          startsAt: event.startsAt.toISOString(),
        },
      ]),
    );
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
