import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';
import { NotFound } from '../../base/errors';
import { AccessPolicy } from '../access/access-policy';
import type { SpecificationDocument } from '../specifications/specification.schema';
import { SpecificationsService } from '../specifications/specifications.service';
import type { PublishingCaller } from './publishing-caller';

/**
 * Which specification a publishing route may reach. A draft, its checkpoints and its
 * history are the draft's: whoever may not read drafts (a provider) learns nothing, not
 * even that it exists (404). Published versions are for everyone in the workspace who
 * may read versions, once the specification has one.
 */
@Injectable()
export class PublishingAccess {
  constructor(private readonly specifications: SpecificationsService) {}

  async draft(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
  ): Promise<SpecificationDocument> {
    const found = AccessPolicy.can(caller.role, 'specification.read-draft')
      ? await this.specifications.findInWorkspace(caller.workspaceId, specificationId)
      : null;
    if (!found) throw new NotFound('that specification');
    return found;
  }

  async published(
    caller: PublishingCaller,
    specificationId: Types.ObjectId,
  ): Promise<SpecificationDocument> {
    const found = await this.specifications.findInWorkspace(caller.workspaceId, specificationId);
    const visible =
      found &&
      (AccessPolicy.can(caller.role, 'specification.read-draft') ||
        (found.status === 'published' && AccessPolicy.can(caller.role, 'version.read')));
    if (!visible) throw new NotFound('that specification');
    return found;
  }
}
