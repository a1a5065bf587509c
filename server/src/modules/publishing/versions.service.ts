import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type {
  ExportFormat,
  PublishedVersionReceipt,
  ReadingState,
  VersionDetail,
  VersionSummary,
} from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { BadRequest, NotFound, VersionWithdrawn } from '../../base/errors';
import { storedBytes } from '../../base/stored-bytes';
import { AccountsService } from '../accounts/accounts.service';
import { SpecificationReader } from '../collab/specification-reader';
import { versionCover } from '../specification-export/export-cover';
import type { ExportedFile } from '../specification-export/specification-export.service';
import { SpecificationExportService } from '../specification-export/specification-export.service';
import { SpecificationsService } from '../specifications/specifications.service';
import { isRealDay, ukToday } from './clarification-deadline';
import type { PublishDto } from './dto/publish.dto';
import { PublishingAccess } from './publishing-access';
import { renderVersion } from './render-version';
import type { PublishingCaller } from './publishing-caller';
import { PublishingLive } from './publishing-live';
import { SpecificationVersion } from './specification-version.schema';
import { VersionReading } from './version-reading.schema';
import { versionDetail, versionSummary, type People, type StoredVersion } from './version-views';

/** Attempts at the next number when others publish the same specification at once. */
const NUMBERING_ATTEMPTS = 5;

/**
 * Published versions: numbered, named, immutable copies of a specification's text as it
 * was at publishing (its whole Yjs state, and HTML and Markdown rendered from it then).
 * Providers read only these; withdrawing marks a version, never changes or removes it.
 */
@Injectable()
export class VersionsService {
  constructor(
    @InjectModel(SpecificationVersion.name)
    private readonly versions: Model<SpecificationVersion>,
    @InjectModel(VersionReading.name) private readonly readings: Model<VersionReading>,
    private readonly access: PublishingAccess,
    private readonly specifications: SpecificationsService,
    private readonly reader: SpecificationReader,
    private readonly accounts: AccountsService,
    private readonly exports: SpecificationExportService,
    private readonly live: PublishingLive,
  ) {}

  async publish(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    request: PublishDto,
  ): Promise<PublishedVersionReceipt> {
    const specification = await this.access.draft(caller, specificationId);
    checkDeadlines(request);
    // The text as everyone editing it has it now, open or not: later edits never reach it.
    const state = await this.reader.state(specificationId.toHexString());
    const rendered = renderVersion(state);
    for (let attempt = 1; ; attempt++) {
      const number = (await this.latestNumber(specificationId)) + 1;
      try {
        const version = await this.versions.create({
          specificationId,
          workspaceId: caller.workspaceId,
          number,
          name: request.name,
          notes: request.notes ?? '',
          clarificationDeadline: request.clarificationDeadline ?? null,
          submissionDeadline: request.submissionDeadline ?? null,
          specificationTitle: specification.title,
          state: Buffer.from(state),
          ...rendered,
          publishedBy: caller.user._id,
          publishedAt: new Date(),
        });
        await this.specifications.markPublished(specificationId);
        this.live.versionChanged('published', version, caller.user);
        return {
          number: version.number,
          name: version.name,
          publishedAt: version.publishedAt.toISOString(),
        };
      } catch (error) {
        if (!isDuplicateKeyError(error) || attempt === NUMBERING_ATTEMPTS) throw error;
      }
    }
  }

  async list(caller: PublishingCaller, specificationId: Types.ObjectId): Promise<VersionSummary[]> {
    await this.access.published(caller, specificationId);
    const found = await this.versions
      .find({ specificationId }, { state: 0, html: 0, markdown: 0 })
      .sort({ number: -1 })
      .lean<StoredVersion[]>()
      .exec();
    const people = await this.peopleIn(found);
    return found.map((version) => versionSummary(version, people));
  }

  async detail(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    number: number,
  ): Promise<VersionDetail> {
    const version = await this.find(caller, specificationId, number, { state: 0 });
    return versionDetail(version, await this.peopleIn([version]));
  }

  async withdraw(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    number: number,
    reason: string,
  ): Promise<VersionSummary> {
    const version = await this.find(caller, specificationId, number, {
      state: 0,
      html: 0,
      markdown: 0,
    });
    const withdrawal = { reason, at: new Date(), by: caller.user._id };
    const changed = await this.versions
      .updateOne({ specificationId, number, withdrawal: null }, { $set: { withdrawal } })
      .exec();
    if (changed.modifiedCount !== 1) throw new VersionWithdrawn();
    const withdrawn = { ...version, withdrawal };
    this.live.versionChanged('withdrawn', withdrawn, caller.user);
    return versionSummary(withdrawn, await this.peopleIn([withdrawn]));
  }

  /** A version as a file, made from the state stored at publishing, never from the draft. */
  async exportFile(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    number: number,
    format: ExportFormat,
  ): Promise<ExportedFile> {
    const version = await this.find(caller, specificationId, number, { html: 0, markdown: 0 });
    const cover = versionCover(version.specificationTitle, version);
    return this.exports.export(format, {
      state: storedBytes(version.state),
      cover: version.withdrawal
        ? { ...cover, subtitle: `${cover.subtitle}. It has been withdrawn.` }
        : cover,
    });
  }

  /** A version the caller may read; 404 for a number that names none. */
  async find(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    number: number,
    projection: Record<string, 0> = {},
  ): Promise<StoredVersion> {
    await this.access.published(caller, specificationId);
    const version = await this.versions
      .findOne({ specificationId, number }, projection)
      .lean<StoredVersion>()
      .exec();
    if (!version) throw new NotFound('that version');
    return version;
  }

  async markRead(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
    number: number,
  ): Promise<void> {
    await this.find(caller, specificationId, number, { state: 0, html: 0, markdown: 0 });
    // Never moves back: reading an older version again keeps the newer one read.
    await this.readings
      .updateOne(
        { userId: caller.user._id, specificationId },
        { $max: { versionNumber: number } },
        { upsert: true },
      )
      .exec();
  }

  async reading(caller: PublishingCaller, specificationId: Types.ObjectId): Promise<ReadingState> {
    await this.access.published(caller, specificationId);
    const [read, latest] = await Promise.all([
      this.readings.findOne({ userId: caller.user._id, specificationId }).lean().exec(),
      this.versions
        .findOne({ specificationId, withdrawal: null }, { number: 1 })
        .sort({ number: -1 })
        .lean()
        .exec(),
    ]);
    const lastReadVersion = read?.versionNumber ?? null;
    const latestVersion = latest?.number ?? null;
    return {
      lastReadVersion,
      latestVersion,
      changedSinceRead:
        lastReadVersion !== null && latestVersion !== null && latestVersion > lastReadVersion,
    };
  }

  async peopleIn(versions: StoredVersion[]): Promise<People> {
    const ids = versions.flatMap((version) => [
      version.publishedBy,
      ...(version.withdrawal ? [version.withdrawal.by] : []),
    ]);
    const found = await this.accounts.findSummaries(ids);
    return new Map([...found].map(([id, person]) => [id, { id, name: person.name }]));
  }

  private async latestNumber(specificationId: Types.ObjectId): Promise<number> {
    const latest = await this.versions
      .findOne({ specificationId }, { number: 1 })
      .sort({ number: -1 })
      .lean()
      .exec();
    return latest?.number ?? 0;
  }
}

function checkDeadlines(request: PublishDto): void {
  const { clarificationDeadline: clarification, submissionDeadline: submission } = request;
  for (const [what, day] of [
    ['clarification deadline', clarification],
    ['submission deadline', submission],
  ] as const) {
    if (day === undefined) continue;
    if (!isRealDay(day)) throw new BadRequest(`The ${what} ${day} is not a real date.`);
    if (day < ukToday()) throw new BadRequest(`The ${what} must be today or later.`);
  }
  if (clarification && submission && clarification > submission) {
    throw new BadRequest('The clarification deadline must not be after the submission deadline.');
  }
}
