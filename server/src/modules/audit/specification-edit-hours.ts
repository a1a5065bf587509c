import {
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BatchedWrite } from '../../base/batched-write';
import { EventBus } from '../../base/event-bus';
import { parseObjectId } from '../../base/object-id.pipe';
import {
  EDIT_NOTICES_GATHER_MS,
  type SpecificationEdited,
} from '../specifications/specifications.events';
import { SpecificationsService } from '../specifications/specifications.service';
import { AuditService } from './audit.service';

/**
 * Specification edits in the audit log: from the edit notices the collab module publishes
 * (at most one per person and specification every 30 seconds), one entry per person,
 * specification and hour that counts the hour's notices, never one per keystroke.
 */
@Injectable()
export class SpecificationEditHours
  implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(SpecificationEditHours.name);
  private unsubscribe: (() => void) | undefined;
  private readonly notices = new BatchedWrite<SpecificationEdited>(
    (notices) => this.noteAll(notices),
    EDIT_NOTICES_GATHER_MS,
  );

  constructor(
    private readonly events: EventBus,
    private readonly specifications: SpecificationsService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe('specification.edited', (edited) => {
      void this.notices.write(edited);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The notices of the last moment are written before the database closes (it closes last). */
  onApplicationShutdown(): Promise<void> {
    return this.notices.settle();
  }

  /**
   * Every editor's notice falls due together after a reconnection storm: gathered, their
   * specifications are looked up in one query and their summaries written in one bulk write.
   */
  private async noteAll(notices: SpecificationEdited[]): Promise<void> {
    await Promise.all(
      notices.map((edited) =>
        this.note(edited).catch((error: unknown) =>
          this.logger.warn(
            `recording ${edited.userId}'s edits to ${edited.specificationId} failed: ${String(error)}`,
          ),
        ),
      ),
    );
  }

  private async note(edited: SpecificationEdited): Promise<void> {
    const specificationId = parseObjectId(edited.specificationId);
    const actorId = parseObjectId(edited.userId);
    const at = new Date(edited.at);
    if (!specificationId || !actorId || Number.isNaN(at.getTime())) return;
    // Deleted meanwhile: its edits have gone with it.
    const workspaceId = await this.specifications.workspaceOf(specificationId);
    if (!workspaceId) return;
    await this.audit.noteEdit({ workspaceId, actorId, specificationId, at });
  }
}
