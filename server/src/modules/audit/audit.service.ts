import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  ACCOUNT_EVENT_ACTIONS,
  SPECIFICATION_EDIT_ACTION,
  type AccountEvent,
  type AccountEventAction,
  type AuditEntry as AuditEntryView,
  type AuditFilterOptions,
} from '@coproduce/domain';
import { Model, Types, type RootFilterQuery } from 'mongoose';
import { BatchedWrite } from '../../base/batched-write';
import { duplicateKeyOperations } from '../../base/duplicate-key';
import { parseObjectId } from '../../base/object-id.pipe';
import { AccountsService } from '../accounts/accounts.service';
import { AuditEntry } from './audit-entry.schema';

export interface NewAuditEntry {
  workspaceId?: string | Types.ObjectId | null;
  actorId?: string | Types.ObjectId | null;
  action: string;
  target: { type: string; id?: string | null };
  detail?: Record<string, string>;
}

/** Which entries of a workspace's log to list; every part optional. */
export interface AuditFilter {
  actorId?: Types.ObjectId;
  /** One action, or (ending in ".") every action it starts. */
  action?: string;
  /** From this moment on, included. */
  from?: Date;
  /** Before this moment, not included. */
  before?: Date;
  targetType?: string;
  targetId?: string;
}

export interface Paging {
  /** From 1. */
  page: number;
  pageSize: number;
}

export interface Listed<T> {
  items: T[];
  /** How many match, on every page. */
  total: number;
}

/** A notice that someone edited a specification, for its hour's summary. */
export interface EditNotice {
  workspaceId: Types.ObjectId;
  actorId: Types.ObjectId;
  specificationId: Types.ObjectId;
  at: Date;
}

const HOUR_MS = 60 * 60 * 1000;

@Injectable()
export class AuditService implements OnApplicationShutdown {
  private readonly editNotices = new BatchedWrite<EditNotice>((notices) =>
    this.addToEditHours(notices),
  );

  constructor(
    @InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>,
    private readonly accounts: AccountsService,
  ) {}

  /** Hourly summaries asked for in the last moment are written before the database closes. */
  onApplicationShutdown(): Promise<void> {
    return this.editNotices.settle();
  }

  async record(entry: NewAuditEntry): Promise<void> {
    await this.entries.create({
      workspaceId: toObjectId(entry.workspaceId),
      actorId: toObjectId(entry.actorId),
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      detail: entry.detail ?? {},
      at: new Date(),
    });
  }

  /**
   * Adds an edit notice to the summary of its person, specification and hour, making the
   * summary on the hour's first. The same notice heard twice (from two nodes) counts once.
   * Notices noted in the same event-loop turn are written together.
   */
  noteEdit(notice: EditNotice): Promise<void> {
    return this.editNotices.write(notice);
  }

  /**
   * One upsert per summary in one bulk write. An upsert that met a summary another node
   * made at the same moment (its unique index refused ours) is made again, and adds to it.
   */
  private async addToEditHours(notices: EditNotice[]): Promise<void> {
    const summaries = new Map<string, { notice: EditNotice; hour: Date; times: Date[] }>();
    for (const notice of notices) {
      const hour = new Date(Math.floor(notice.at.getTime() / HOUR_MS) * HOUR_MS);
      const key = `${notice.actorId.toHexString()} ${notice.specificationId.toHexString()} ${hour.getTime()}`;
      const summary = summaries.get(key);
      if (summary) summary.times.push(notice.at);
      else summaries.set(key, { notice, hour, times: [notice.at] });
    }
    const upserts = [...summaries.values()].map(({ notice, hour, times }) => ({
      updateOne: {
        filter: {
          action: SPECIFICATION_EDIT_ACTION,
          actorId: notice.actorId,
          targetId: notice.specificationId.toHexString(),
          at: hour,
        },
        update: {
          $setOnInsert: {
            workspaceId: notice.workspaceId,
            targetType: 'specification',
            detail: new Map<string, string>(),
          },
          $addToSet: { occurrences: { $each: times } },
        },
        upsert: true,
        setDefaultsOnInsert: false,
      },
    }));
    try {
      await this.entries.bulkWrite(upserts, { ordered: false });
    } catch (error) {
      const raced = duplicateKeyOperations(error);
      if (!raced) throw error;
      await this.entries.bulkWrite(
        raced.map((index) => upserts[index]),
        { ordered: false },
      );
    }
  }

  /** Newest first: one page of the workspace's entries that match, and how many match. */
  async list(
    workspaceId: Types.ObjectId,
    filter: AuditFilter,
    paging: Paging,
  ): Promise<Listed<AuditEntryView>> {
    const { entries, total, actors } = await this.newestPage(
      { workspaceId, ...conditionsOf(filter) },
      paging,
    );
    return {
      total,
      items: entries.map((entry) => ({
        id: entry.id as string,
        at: entry.at.toISOString(),
        actor: (entry.actorId && actors.get(entry.actorId.toHexString())) || null,
        action: entry.action,
        target: { type: entry.targetType, id: entry.targetId },
        detail: detailOf(entry),
      })),
    };
  }

  /** What the workspace's log holds, for the audit page's filters. */
  async filterOptions(workspaceId: Types.ObjectId): Promise<AuditFilterOptions> {
    const [actorIds, actions, targetTypes] = await Promise.all([
      this.entries.distinct('actorId', { workspaceId }).exec(),
      this.entries.distinct('action', { workspaceId }).exec(),
      this.entries.distinct('targetType', { workspaceId }).exec(),
    ]);
    const actors = await this.accounts.findSummaries(
      actorIds.filter((id): id is Types.ObjectId => id instanceof Types.ObjectId),
    );
    return {
      actors: [...actors.values()]
        .map(({ id, name }) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id)),
      actions: actions.filter((action) => !action.includes(' ')).sort(),
      targetTypes: [...targetTypes].sort(),
    };
  }

  /**
   * A person's own sign-in and password events, newest first: those about their account
   * in any workspace or none (a commissioner's password link for them among them).
   */
  async listForAccount(userId: Types.ObjectId, paging: Paging): Promise<Listed<AccountEvent>> {
    const query: RootFilterQuery<AuditEntry> = {
      targetId: userId.toHexString(),
      $or: [
        // About the account itself (signing in, its password, its address)...
        { targetType: 'user', action: { $in: [...ACCOUNT_EVENT_ACTIONS] } },
        // ...and a commissioner's password link for them as a member of a workspace.
        { targetType: 'member', action: 'member.password-reset' },
      ],
    };
    const { entries, total, actors } = await this.newestPage(query, paging);
    return {
      total,
      items: entries.map((entry) => {
        const actor = entry.actorId && actors.get(entry.actorId.toHexString());
        return {
          id: entry.id as string,
          at: entry.at.toISOString(),
          action: entry.action as AccountEventAction,
          actor: actor ? { id: actor.id, name: actor.name } : null,
          detail: detailOf(entry),
        };
      }),
    };
  }

  /** One page of the entries matching `query`, newest first, how many match, and who acted. */
  private async newestPage(query: RootFilterQuery<AuditEntry>, paging: Paging) {
    const [entries, total] = await Promise.all([
      this.entries
        .find(query)
        .sort({ at: -1, _id: -1 })
        .skip((paging.page - 1) * paging.pageSize)
        .limit(paging.pageSize)
        .exec(),
      this.entries.countDocuments(query).exec(),
    ]);
    const actors = await this.accounts.findSummaries(
      entries.flatMap((e) => (e.actorId ? [e.actorId] : [])),
    );
    return { entries, total, actors };
  }
}

/** The query conditions of a filter (the workspace aside). */
function conditionsOf(filter: AuditFilter): RootFilterQuery<AuditEntry> {
  const conditions: Record<string, unknown> = {};
  if (filter.actorId) conditions['actorId'] = filter.actorId;
  if (filter.action?.endsWith('.')) {
    // Every action that starts so: a range, which an index serves.
    conditions['action'] = { $gt: filter.action, $lt: `${filter.action}\uffff` };
  } else if (filter.action) {
    conditions['action'] = filter.action;
  }
  if (filter.from || filter.before) {
    conditions['at'] = {
      ...(filter.from ? { $gte: filter.from } : {}),
      ...(filter.before ? { $lt: filter.before } : {}),
    };
  }
  if (filter.targetType) conditions['targetType'] = filter.targetType;
  if (filter.targetId) conditions['targetId'] = filter.targetId;
  return conditions;
}

/** An entry's detail; a summary's says how many notices it holds and when the last came. */
function detailOf(entry: AuditEntry): Record<string, string> {
  const detail = Object.fromEntries(entry.detail ?? new Map<string, string>());
  if (!entry.occurrences) return detail;
  const last = entry.occurrences.reduce((a, b) => (a.getTime() > b.getTime() ? a : b), entry.at);
  return {
    ...detail,
    editNotices: String(entry.occurrences.length),
    lastNoticeAt: last.toISOString(),
  };
}

function toObjectId(id: string | Types.ObjectId | null | undefined): Types.ObjectId | null {
  if (id instanceof Types.ObjectId) return id;
  return parseObjectId(id) ?? null;
}
