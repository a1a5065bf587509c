import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  Checkpoint,
  Comparison,
  ComparedText,
  ComparisonRef,
  HistoryEntry,
  RestoreResult,
} from '@coproduce/domain';
import { Y } from '@coproduce/protocol';
import {
  compareSections,
  sectionsOf,
  specificationFragment,
} from '@coproduce/specification-document';
import { Model, Types } from 'mongoose';
import { Conflict, NotFound } from '../../base/errors';
import { storedBytes } from '../../base/stored-bytes';
import { AccessPolicy } from '../access/access-policy';
import { AccountsService } from '../accounts/accounts.service';
import { SpecificationReader } from '../collab/specification-reader';
import { SpecificationWriter } from '../collab/specification-writer';
import { PublishingAccess } from './publishing-access';
import type { PublishingCaller } from './publishing-caller';
import { PublishingLive } from './publishing-live';
import { SpecificationCheckpoint } from './specification-checkpoint.schema';
import { SpecificationVersion } from './specification-version.schema';
import { personIn, type People } from './version-views';

type StoredCheckpoint = SpecificationCheckpoint & { _id: Types.ObjectId };

/**
 * The team's history of a draft: named checkpoints, the history of checkpoints and
 * published versions together, comparing any two texts section by section, and
 * restoring a checkpoint as a new edit that every open editor merges (history is never
 * rewritten: the text before the restore is kept as a checkpoint of its own).
 */
@Injectable()
export class CheckpointsService {
  constructor(
    @InjectModel(SpecificationCheckpoint.name)
    private readonly checkpoints: Model<SpecificationCheckpoint>,
    @InjectModel(SpecificationVersion.name)
    private readonly versionModel: Model<SpecificationVersion>,
    private readonly access: PublishingAccess,
    private readonly reader: SpecificationReader,
    private readonly writer: SpecificationWriter,
    private readonly accounts: AccountsService,
    private readonly live: PublishingLive,
  ) {}

  async create(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    name: string,
  ): Promise<Checkpoint> {
    await this.access.draft(caller, specificationId);
    const checkpoint = await this.save(caller, specificationId, name, false);
    this.live.historyChanged(specificationId, 'checkpoint-saved', caller.user);
    return checkpointView(checkpoint, await this.peopleIn([checkpoint.createdBy]));
  }

  async history(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
  ): Promise<HistoryEntry[]> {
    await this.access.draft(caller, specificationId);
    const [checkpoints, versions] = await Promise.all([
      this.checkpoints.find({ specificationId }, { state: 0 }).lean<StoredCheckpoint[]>().exec(),
      this.versionModel
        .find(
          { specificationId },
          { number: 1, name: 1, publishedAt: 1, publishedBy: 1, withdrawal: 1 },
        )
        .lean()
        .exec(),
    ]);
    const people = await this.peopleIn([
      ...checkpoints.map((each) => each.createdBy),
      ...versions.map((each) => each.publishedBy),
    ]);
    const entries: HistoryEntry[] = [
      ...checkpoints.map((checkpoint): HistoryEntry => {
        const view = checkpointView(checkpoint, people);
        return {
          kind: 'checkpoint',
          ref: `checkpoint:${view.id}`,
          id: view.id,
          name: view.name,
          at: view.createdAt,
          by: view.createdBy,
          beforeRestore: view.beforeRestore,
        };
      }),
      ...versions.map((version): HistoryEntry => ({
        kind: 'version',
        ref: `version:${version.number}`,
        number: version.number,
        name: version.name,
        at: version.publishedAt.toISOString(),
        by: personIn(people, version.publishedBy),
        withdrawn: version.withdrawal !== null,
      })),
    ];
    return entries.sort((a, b) => b.at.localeCompare(a.at));
  }

  async restore(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    checkpointId: Types.ObjectId,
  ): Promise<RestoreResult> {
    const draft = await this.access.draft(caller, specificationId);
    if (draft.archivedAt) {
      throw new Conflict(
        'This specification is archived, so its text cannot change. Restore the specification first.',
      );
    }
    const checkpoint = await this.checkpoints
      .findOne({ _id: checkpointId, specificationId })
      .lean<StoredCheckpoint>()
      .exec();
    if (!checkpoint) throw new NotFound('that checkpoint');
    const savedBefore = await this.save(
      caller,
      specificationId,
      `Before restoring “${checkpoint.name}”`,
      true,
    );
    const restored = new Y.Doc();
    try {
      Y.applyUpdate(restored, storedBytes(checkpoint.state));
      const content = specificationFragment(restored)
        .toArray()
        .filter((node) => node instanceof Y.XmlElement || node instanceof Y.XmlText)
        .map((node) => node.clone());
      // One new edit: the text now is replaced by copies of the checkpoint's, and every
      // open editor receives it as it receives anyone's typing.
      await this.writer.edit(specificationId.toHexString(), caller.user.id as string, (doc) => {
        const fragment = specificationFragment(doc);
        fragment.delete(0, fragment.length);
        fragment.insert(0, content);
      });
    } finally {
      restored.destroy();
    }
    this.live.historyChanged(specificationId, 'restored', caller.user);
    const people = await this.peopleIn([checkpoint.createdBy, savedBefore.createdBy]);
    return {
      restoredFrom: checkpointView(checkpoint, people),
      savedBefore: checkpointView(savedBefore, people),
    };
  }

  async compare(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    from: ComparisonRef,
    to: ComparisonRef,
  ): Promise<Comparison> {
    const mayReadDraft = AccessPolicy.can(caller.role, 'specification.read-draft');
    if (mayReadDraft) await this.access.draft(caller, specificationId);
    else await this.access.published(caller, specificationId);
    const [fromText, toText] = await Promise.all([
      this.textOf(specificationId, from, mayReadDraft),
      this.textOf(specificationId, to, mayReadDraft),
    ]);
    return {
      from: fromText.compared,
      to: toText.compared,
      ...compareSections(fromText.sections, toText.sections),
    };
  }

  /** One side of a comparison; for a provider only published versions exist (404 else). */
  private async textOf(specificationId: Types.ObjectId, ref: ComparisonRef, mayReadDraft: boolean) {
    const [kind, id] = ref.split(':') as [string, string | undefined];
    let state: Uint8Array | null = null;
    let compared: ComparedText;
    if (kind === 'version') {
      const version = await this.versionModel
        .findOne({ specificationId, number: Number(id) }, { state: 1, name: 1, publishedAt: 1 })
        .lean()
        .exec();
      if (version) state = storedBytes(version.state);
      compared = {
        ref,
        label: `Version ${id}: ${version?.name ?? ''}`,
        at: version?.publishedAt.toISOString() ?? null,
      };
    } else if (kind === 'checkpoint' && mayReadDraft) {
      const checkpoint = await this.checkpoints
        .findOne({ _id: new Types.ObjectId(id), specificationId })
        .lean<StoredCheckpoint>()
        .exec();
      if (checkpoint) state = storedBytes(checkpoint.state);
      compared = {
        ref,
        label: `Checkpoint: ${checkpoint?.name ?? ''}`,
        at: checkpoint?.createdAt.toISOString() ?? null,
      };
    } else if (kind === 'draft' && mayReadDraft) {
      state = await this.reader.state(specificationId.toHexString());
      compared = { ref, label: 'Current draft', at: null };
    } else {
      compared = { ref, label: '', at: null };
    }
    if (!state) throw new NotFound(kind === 'version' ? 'that version' : 'that text');
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      return { compared, sections: sectionsOf(doc) };
    } finally {
      doc.destroy();
    }
  }

  private async save(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    name: string,
    beforeRestore: boolean,
  ): Promise<StoredCheckpoint> {
    const state = await this.reader.state(specificationId.toHexString());
    const created = await this.checkpoints.create({
      specificationId,
      workspaceId: caller.workspaceId,
      name,
      state: Buffer.from(state),
      createdBy: caller.user._id,
      createdAt: new Date(),
      beforeRestore,
    });
    return created.toObject() as StoredCheckpoint;
  }

  private async peopleIn(ids: Types.ObjectId[]): Promise<People> {
    const found = await this.accounts.findSummaries(ids);
    return new Map([...found].map(([id, person]) => [id, { id, name: person.name }]));
  }
}

function checkpointView(checkpoint: StoredCheckpoint, people: People): Checkpoint {
  return {
    id: checkpoint._id.toHexString(),
    name: checkpoint.name,
    createdAt: checkpoint.createdAt.toISOString(),
    createdBy: personIn(people, checkpoint.createdBy),
    beforeRestore: checkpoint.beforeRestore,
  };
}
