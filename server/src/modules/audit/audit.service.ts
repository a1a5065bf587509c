import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AuditEntry as AuditEntryView } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
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

@Injectable()
export class AuditService {
  constructor(
    @InjectModel(AuditEntry.name) private readonly entries: Model<AuditEntry>,
    private readonly accounts: AccountsService,
  ) {}

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

  /** Newest first. */
  async list(workspaceId: Types.ObjectId, limit: number): Promise<AuditEntryView[]> {
    const entries = await this.entries
      .find({ workspaceId })
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .exec();
    const actorIds = entries.flatMap((e) => (e.actorId ? [e.actorId] : []));
    const actors = await this.accounts.findSummaries(actorIds);
    return entries.map((entry) => ({
      id: entry.id as string,
      at: entry.at.toISOString(),
      actor: (entry.actorId && actors.get(entry.actorId.toHexString())) || null,
      action: entry.action,
      target: { type: entry.targetType, id: entry.targetId },
      detail: Object.fromEntries(entry.detail ?? new Map<string, string>()),
    }));
  }
}

function toObjectId(id: string | Types.ObjectId | null | undefined): Types.ObjectId | null {
  if (id instanceof Types.ObjectId) return id;
  return parseObjectId(id) ?? null;
}
