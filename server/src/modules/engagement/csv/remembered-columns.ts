import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ImportSettings } from './import-settings.schema';

/** The kinds of file whose columns a workspace's choices are remembered for. */
export type ImportKind = 'feedback' | 'reach';

const LIST: Record<ImportKind, 'columns' | 'reachColumns'> = {
  feedback: 'columns',
  reach: 'reachColumns',
};

/** Which column of a survey tool's file holds which field, as a workspace last chose. */
@Injectable()
export class RememberedColumns {
  constructor(@InjectModel(ImportSettings.name) private readonly settings: Model<ImportSettings>) {}

  async of<F extends string>(
    workspaceId: Types.ObjectId,
    kind: ImportKind,
  ): Promise<Map<F, string>> {
    const settings = await this.settings.findOne({ workspaceId }).lean().exec();
    return new Map(
      (settings?.[LIST[kind]] ?? []).map((column) => [column.field as F, column.header]),
    );
  }

  async remember(
    workspaceId: Types.ObjectId,
    kind: ImportKind,
    columns: { field: string; header: string }[],
  ): Promise<void> {
    await this.settings
      .updateOne({ workspaceId }, { $set: { [LIST[kind]]: columns } }, { upsert: true })
      .exec();
  }
}
