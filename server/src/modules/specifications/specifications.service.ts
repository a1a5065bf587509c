import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  Role,
  SpecificationDetail,
  SpecificationSummary,
  UserSummary,
} from '@coproduce/domain';
import { initialSpecificationUpdate } from '@coproduce/specification-document';
import { Model, Types } from 'mongoose';
import { Conflict, NotFound } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { parseObjectId } from '../../base/object-id.pipe';
import { AccessPolicy } from '../access/access-policy';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AccountsService } from '../accounts/accounts.service';
import { newLogWriterId } from '../specification-store/log-writer-id';
import { SpecificationStore } from '../specification-store/specification-store';
import { Specification, SpecificationDocument } from './specification.schema';
import { EDIT_NOTICES_GATHER_MS } from './specifications.events';
import { archivedField } from '../../base/archived-field';
import { BatchedLookup } from '../../base/batched-lookup';
import { BatchedWrite } from '../../base/batched-write';
import { findPlain } from '../../base/plain-reads';

@Injectable()
export class SpecificationsService implements OnApplicationShutdown {
  /** What access needs of a specification: every socket join asks, so asked together. */
  private readonly forAccess = new BatchedLookup<Types.ObjectId, SpecificationForAccess>(
    async (ids) => {
      const found = await findPlain<SpecificationForAccess>(
        this.specifications,
        { _id: { $in: ids } },
        { workspaceId: 1, status: 1, archivedAt: 1 },
      );
      return new Map(
        found.map((specification) => [specification._id.toHexString(), specification]),
      );
    },
    (id) => id.toHexString(),
  );

  private readonly lastEditors = new BatchedWrite<{
    specificationId: Types.ObjectId;
    userId: Types.ObjectId;
  }>((touches) => this.recordLastEditors(touches), EDIT_NOTICES_GATHER_MS);

  constructor(
    @InjectModel(Specification.name) private readonly specifications: Model<Specification>,
    private readonly roles: WorkspaceRoles,
    private readonly accounts: AccountsService,
    private readonly store: SpecificationStore,
    private readonly events: EventBus,
  ) {}

  /** The last editors gathered in the last moment are written before the database closes. */
  onApplicationShutdown(): Promise<void> {
    return this.lastEditors.settle();
  }

  /** The specifications this role may see: providers only published ones. */
  async listFor(workspaceId: Types.ObjectId, role: Role): Promise<SpecificationSummary[]> {
    const filter = AccessPolicy.can(role, 'specification.read-draft')
      ? { workspaceId }
      : { workspaceId, status: 'published' };
    const found = await this.specifications.find(filter).sort({ createdAt: 1 }).exec();
    return found.map(toSummary);
  }

  async create(
    workspaceId: Types.ObjectId,
    authorId: Types.ObjectId,
    title: string,
  ): Promise<SpecificationSummary> {
    // The template is stored before the specification exists, so nobody can open a
    // specification without it; were the second write to fail, the first is an orphan
    // log entry that nothing reads.
    const _id = new Types.ObjectId();
    await this.store.append(_id.toHexString(), [
      { writer: newLogWriterId(), seq: 1, update: initialSpecificationUpdate() },
    ]);
    const created = await this.specifications.create({
      _id,
      workspaceId,
      title,
      status: 'draft',
      createdBy: authorId,
      updatedBy: authorId,
    });
    return toSummary(created);
  }

  async detailFor(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
    role: Role,
  ): Promise<SpecificationDetail> {
    const specification = await this.specifications
      .findOne({ _id: specificationId, workspaceId })
      .exec();
    if (!specification || !mayRead(role, specification)) throw new NotFound('that specification');
    const people = await this.accounts.findSummaries([
      specification.createdBy,
      specification.updatedBy,
    ]);
    const person = (id: Types.ObjectId): UserSummary =>
      people.get(id.toHexString()) ?? { id: id.toHexString(), email: '', name: 'A former member' };
    return {
      ...toSummary(specification),
      workspaceId: specification.workspaceId.toHexString(),
      createdBy: person(specification.createdBy),
      updatedBy: person(specification.updatedBy),
      createdAt: specification.createdAt.toISOString(),
      updatedAt: specification.updatedAt.toISOString(),
    };
  }

  /**
   * For the collab gateway: the specification (the collab `docId`) and the
   * user's current role in its workspace. Throws NotFound when the id is
   * malformed or unknown, when the user is not a member, and when a draft is
   * asked for by a role that may not read drafts — a provider must not learn
   * that a draft exists. What the role may then do is `AccessPolicy.can`.
   */
  async findForMember(
    specificationId: string,
    userId: string | Types.ObjectId,
  ): Promise<{ specification: SpecificationForAccess; role: Role; archived: boolean }> {
    const id = parseObjectId(specificationId);
    const user = typeof userId === 'string' ? parseObjectId(userId) : userId;
    if (!id || !user) throw new NotFound('that specification');
    // Read plain, only what access needs, with the other joins of this turn.
    const specification = await this.forAccess.get(id);
    // The membership is looked up even for an id that names nothing, so that refusing a
    // draft someone may not see takes as long as refusing nothing: the time an answer
    // takes must not tell a provider that a draft exists.
    const membership = await this.roles.findMembership(
      specification?.workspaceId ?? NO_WORKSPACE,
      user,
    );
    const role = membership?.role;
    if (!specification || !role || !mayRead(role, specification)) {
      throw new NotFound('that specification');
    }
    // Archived on its own, or with its workspace: either way nobody edits it.
    const archived = Boolean(specification.archivedAt) || membership.workspaceArchived;
    return { specification, role, archived };
  }

  /** The specification by id alone, for the collab module (which knows who may see it). */
  findById(specificationId: string): Promise<SpecificationDocument | null> {
    const id = parseObjectId(specificationId);
    return id ? this.specifications.findById(id).exec() : Promise.resolve(null);
  }

  /** The specification, if the workspace holds it (whoever may see it: the caller decides). */
  findInWorkspace(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
  ): Promise<SpecificationDocument | null> {
    return this.specifications.findOne({ _id: specificationId, workspaceId }).exec();
  }

  /** A new title; published versions keep the title they were published with. */
  async rename(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
    title: string,
    by: Types.ObjectId,
  ): Promise<SpecificationSummary> {
    const renamed = await this.specifications
      .findOneAndUpdate(
        { _id: specificationId, workspaceId },
        { $set: { title, updatedBy: by } },
        { new: true },
      )
      .exec();
    if (!renamed) throw new NotFound('that specification');
    this.events.publish('specification.renamed', {
      specificationId: specificationId.toHexString(),
      title: renamed.title,
    });
    return toSummary(renamed);
  }

  /**
   * Archives (`archived`) or restores a specification. Open editors are told through
   * `specification.archived`; an archived one stays readable, and its published versions
   * stay with providers.
   */
  async setArchived(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
    archived: boolean,
    by: Types.ObjectId,
  ): Promise<SpecificationSummary> {
    const changed = await this.specifications
      .findOneAndUpdate(
        { _id: specificationId, workspaceId },
        {
          $set: archived
            ? { archivedAt: new Date(), archivedBy: by }
            : { archivedAt: null, archivedBy: null },
        },
        { new: true },
      )
      .exec();
    if (!changed) throw new NotFound('that specification');
    this.events.publish('specification.archived', {
      specificationId: specificationId.toHexString(),
      workspaceId: workspaceId.toHexString(),
      archived,
    });
    return toSummary(changed);
  }

  /**
   * Deletes a draft that was never published, text and all; whoever has it open is taken
   * out. A published one is part of the record: it can be archived, not deleted (409).
   */
  async remove(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
  ): Promise<SpecificationSummary> {
    const specification = await this.specifications
      .findOne({ _id: specificationId, workspaceId })
      .exec();
    if (!specification) throw new NotFound('that specification');
    if (specification.status !== 'draft') {
      throw new Conflict(
        'This specification has been published, so providers have read it and it stays on record. Archive it instead.',
      );
    }
    const deleted = await this.specifications
      .deleteOne({ _id: specificationId, workspaceId, status: 'draft' })
      .exec();
    if (deleted.deletedCount === 0) {
      throw new Conflict('This specification was published a moment ago. Archive it instead.');
    }
    this.events.publish('specification.deleted', {
      specificationId: specificationId.toHexString(),
      workspaceId: workspaceId.toHexString(),
    });
    await this.store.remove(specificationId.toHexString());
    return toSummary(specification);
  }

  /** From its first published version on, providers see the specification (its versions only). */
  async markPublished(specificationId: Types.ObjectId): Promise<void> {
    await this.specifications
      .updateOne({ _id: specificationId }, { $set: { status: 'published' } })
      .exec();
  }

  /** Whether the workspace holds this specification (whoever may see it: the caller decides). */
  async existsInWorkspace(
    workspaceId: Types.ObjectId,
    specificationId: Types.ObjectId,
  ): Promise<boolean> {
    return (await this.specifications.exists({ _id: specificationId, workspaceId })) !== null;
  }

  /** Titles by specification id, for lists that name specifications (a comment inbox). */
  async titlesOf(ids: Types.ObjectId[]): Promise<Map<string, string>> {
    const found = await this.specifications
      .find({ _id: { $in: ids } }, { title: 1 })
      .lean()
      .exec();
    return new Map(found.map((each) => [each._id.toHexString(), each.title]));
  }

  /** The workspace a specification belongs to; null when there is no such specification. */
  async workspaceOf(specificationId: Types.ObjectId): Promise<Types.ObjectId | null> {
    return (await this.forAccess.get(specificationId))?.workspaceId ?? null;
  }

  /**
   * Records who last changed a specification (the collab module calls this as people
   * edit). Every editor's notice falls due together after a reconnection storm: they are
   * written together, the latest of each specification's.
   */
  touch(specificationId: Types.ObjectId, userId: Types.ObjectId): Promise<void> {
    return this.lastEditors.write({ specificationId, userId });
  }

  private async recordLastEditors(
    touches: Array<{ specificationId: Types.ObjectId; userId: Types.ObjectId }>,
  ): Promise<void> {
    const latest = new Map<string, { specificationId: Types.ObjectId; userId: Types.ObjectId }>();
    for (const touch of touches) latest.set(touch.specificationId.toHexString(), touch);
    await this.specifications.bulkWrite(
      [...latest.values()].map(({ specificationId, userId }) => ({
        updateOne: { filter: { _id: specificationId }, update: { $set: { updatedBy: userId } } },
      })),
      { ordered: false },
    );
  }
}

/** A workspace id no workspace has: the membership lookup for a specification that is not there. */
const NO_WORKSPACE = new Types.ObjectId('000000000000000000000000');

/** What deciding access to a specification reads of it. */
export type SpecificationForAccess = Pick<
  Specification,
  'workspaceId' | 'status' | 'archivedAt'
> & {
  _id: Types.ObjectId;
};

function mayRead(role: Role, specification: Pick<Specification, 'status'>): boolean {
  return specification.status === 'published'
    ? AccessPolicy.can(role, 'specification.read-published')
    : AccessPolicy.can(role, 'specification.read-draft');
}

function toSummary(specification: SpecificationDocument): SpecificationSummary {
  return {
    id: specification.id as string,
    title: specification.title,
    status: specification.status,
    ...archivedField(specification.archivedAt),
  };
}
