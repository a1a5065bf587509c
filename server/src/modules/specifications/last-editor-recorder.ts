import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { EventBus } from '../../base/event-bus';
import { parseObjectId } from '../../base/object-id.pipe';
import type { SpecificationEdited } from './specifications.events';
import { SpecificationsService } from './specifications.service';

/** Keeps a specification's "updated by / updated at" in step with live editing. */
@Injectable()
export class LastEditorRecorder implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LastEditorRecorder.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly events: EventBus,
    private readonly specifications: SpecificationsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe(
      'specification.edited',
      (edited: SpecificationEdited) => {
        const specificationId = parseObjectId(edited.specificationId);
        const userId = parseObjectId(edited.userId);
        if (!specificationId || !userId) return;
        this.specifications
          .touch(specificationId, userId)
          .catch((error: unknown) =>
            this.logger.warn(
              `recording who edited ${edited.specificationId} failed: ${String(error)}`,
            ),
          );
      },
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
