import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { MAX_THEMES_PER_WORKSPACE, type FeedbackTheme as ThemeView } from '@coproduce/domain';
import { Model, Types } from 'mongoose';
import { BadRequest, Conflict, NotFound } from '../../base/errors';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { parseObjectId } from '../../base/object-id.pipe';
import type { WorkspaceCaller } from '../access/workspace-caller';
import { Feedback } from './feedback.schema';
import { FeedbackTally } from './feedback-tally';
import { FeedbackTheme, themeKey } from './feedback-theme.schema';

type StoredTheme = FeedbackTheme & { _id: Types.ObjectId };

/**
 * The workspace's own themes for feedback. Feedback holds theme ids, so a rename shows
 * everywhere at once and a merge moves the feedback of one theme to another.
 */
@Injectable()
export class FeedbackThemesService {
  constructor(
    @InjectModel(FeedbackTheme.name) private readonly themes: Model<FeedbackTheme>,
    @InjectModel(Feedback.name) private readonly feedback: Model<Feedback>,
    private readonly tally: FeedbackTally,
  ) {}

  /** By name, each with how much feedback it has. */
  async list(workspaceId: Types.ObjectId): Promise<ThemeView[]> {
    const [themes, counts] = await Promise.all([
      this.themes.find({ workspaceId }).lean<StoredTheme[]>().exec(),
      this.tally.of(workspaceId),
    ]);
    return themes
      .map((theme) => themeView(theme, counts.byTheme.get(theme._id.toHexString())?.count ?? 0))
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  /** Names by id, for showing feedback. */
  async namesOf(workspaceId: Types.ObjectId): Promise<Map<string, string>> {
    const themes = await this.themes
      .find({ workspaceId }, { name: 1 })
      .lean<StoredTheme[]>()
      .exec();
    return new Map(themes.map((theme) => [theme._id.toHexString(), theme.name]));
  }

  async create(caller: WorkspaceCaller, name: string): Promise<ThemeView> {
    const existing = await this.themes
      .findOne({ workspaceId: caller.workspaceId, key: themeKey(name) })
      .lean<StoredTheme>()
      .exec();
    if (existing) throw new Conflict(`There is already a theme called “${existing.name}”.`);
    return themeView(await this.added(caller.workspaceId, name), 0);
  }

  async rename(caller: WorkspaceCaller, themeId: Types.ObjectId, name: string): Promise<ThemeView> {
    await this.find(caller, themeId);
    try {
      await this.themes
        .updateOne(
          { _id: themeId, workspaceId: caller.workspaceId },
          { $set: { name, key: themeKey(name) } },
        )
        .exec();
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw new Conflict(
          `There is already a theme called “${name}”. Merge the two themes instead of renaming.`,
        );
      }
      throw error;
    }
    return this.viewOf(caller.workspaceId, themeId);
  }

  /**
   * Moves every feedback item of `themeId` to `intoId` and removes `themeId`. Safe to repeat
   * if stopped halfway: each step only finds what the previous one left.
   */
  async merge(
    caller: WorkspaceCaller,
    themeId: Types.ObjectId,
    intoThemeId: string,
  ): Promise<{ merged: StoredTheme; into: ThemeView }> {
    const merged = await this.find(caller, themeId);
    const intoId = parseObjectId(intoThemeId)!;
    if (intoId.equals(themeId))
      throw new BadRequest('Choose another theme to merge this one into.');
    const into = await this.themes
      .findOne({ _id: intoId, workspaceId: caller.workspaceId })
      .lean<StoredTheme>()
      .exec();
    if (!into) throw new BadRequest('intoThemeId names no theme in this workspace.');
    const scope = { workspaceId: caller.workspaceId, themeIds: themeId };
    await this.feedback.updateMany(scope, { $addToSet: { themeIds: intoId } }).exec();
    await this.feedback.updateMany(scope, { $pull: { themeIds: themeId } }).exec();
    await this.themes.deleteOne({ _id: themeId, workspaceId: caller.workspaceId }).exec();
    return { merged, into: await this.viewOf(caller.workspaceId, intoId) };
  }

  /**
   * The ids of the themes a feedback item names, each by id or by name; a name not yet in
   * the list is added (the list is the workspace's words, grown as feedback comes in).
   */
  async resolve(workspaceId: Types.ObjectId, given: readonly string[]): Promise<Types.ObjectId[]> {
    const found: (Types.ObjectId | null)[] = [];
    for (const value of given) found.push(await this.existing(workspaceId, value));
    // Room for every new name before adding any: a refused request adds none of them.
    const newNames = new Set(given.filter((_, index) => !found[index]).map(themeKey));
    if (newNames.size > 0) await this.checkRoom(workspaceId, newNames.size);
    const ids: Types.ObjectId[] = [];
    const addedNow = new Map<string, Types.ObjectId>();
    for (const [index, value] of given.entries()) {
      const key = themeKey(value);
      const id = found[index] ?? addedNow.get(key) ?? (await this.added(workspaceId, value))._id;
      addedNow.set(key, id);
      if (!ids.some((each) => each.equals(id))) ids.push(id);
    }
    return ids;
  }

  private async existing(
    workspaceId: Types.ObjectId,
    value: string,
  ): Promise<Types.ObjectId | null> {
    const asId = parseObjectId(value);
    if (asId) {
      const found = await this.themes.exists({ _id: asId, workspaceId }).exec();
      if (found) return asId;
    }
    const named = await this.themes
      .findOne({ workspaceId, key: themeKey(value) }, { _id: 1 })
      .lean()
      .exec();
    return named?._id ?? null;
  }

  private async checkRoom(workspaceId: Types.ObjectId, adding: number): Promise<void> {
    const count = await this.themes.countDocuments({ workspaceId }).exec();
    if (count + adding > MAX_THEMES_PER_WORKSPACE) {
      throw new BadRequest(
        `A workspace may have at most ${MAX_THEMES_PER_WORKSPACE} themes, and this one has ${count}. Merge some, or choose an existing theme.`,
      );
    }
  }

  private async added(workspaceId: Types.ObjectId, name: string): Promise<StoredTheme> {
    await this.checkRoom(workspaceId, 1);
    try {
      return (await this.themes.create({ workspaceId, name, key: themeKey(name) })).toObject();
    } catch (error) {
      // Someone added the same name a moment ago: theirs is the theme.
      if (!isDuplicateKeyError(error)) throw error;
      const theirs = await this.themes
        .findOne({ workspaceId, key: themeKey(name) })
        .lean<StoredTheme>()
        .exec();
      if (!theirs) throw error;
      return theirs;
    }
  }

  private async find(caller: WorkspaceCaller, themeId: Types.ObjectId): Promise<StoredTheme> {
    const theme = await this.themes
      .findOne({ _id: themeId, workspaceId: caller.workspaceId })
      .lean<StoredTheme>()
      .exec();
    if (!theme) throw new NotFound('that theme');
    return theme;
  }

  private async viewOf(workspaceId: Types.ObjectId, themeId: Types.ObjectId): Promise<ThemeView> {
    const theme = await this.themes
      .findOne({ _id: themeId, workspaceId })
      .lean<StoredTheme>()
      .exec();
    if (!theme) throw new NotFound('that theme');
    const count = await this.feedback.countDocuments({ workspaceId, themeIds: themeId }).exec();
    return themeView(theme, count);
  }
}

function themeView(theme: StoredTheme, feedbackCount: number): ThemeView {
  return { id: theme._id.toHexString(), name: theme.name, feedbackCount };
}
