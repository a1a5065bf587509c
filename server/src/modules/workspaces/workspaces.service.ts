import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Role, WorkspaceDetail } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { NotFound } from '../../base/errors';
import { AccessPolicy } from '../access/access-policy';
import { Workspace, WorkspaceDocument } from './workspace.schema';

@Injectable()
export class WorkspacesService {
  constructor(@InjectModel(Workspace.name) private readonly workspaces: Model<Workspace>) {}

  async findById(workspaceId: Types.ObjectId): Promise<WorkspaceDocument> {
    const workspace = await this.workspaces.findById(workspaceId).exec();
    if (!workspace) throw new NotFound('that workspace');
    return workspace;
  }

  async detailFor(workspaceId: Types.ObjectId, role: Role): Promise<WorkspaceDetail> {
    const workspace = await this.findById(workspaceId);
    return {
      id: workspace.id as string,
      name: workspace.name,
      role,
      serviceArea: workspace.serviceArea,
      leadOrganisation: workspace.leadOrganisation,
      partnerOrganisations: [...workspace.partnerOrganisations],
      permissions: AccessPolicy.allowedActions(role),
    };
  }
}
