import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FeedbackTheme as ThemeView } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Allow } from '../../base/access-rule.decorators';
import { ApiIdParam } from '../../base/api-docs';
import { Audited, AuditedResult } from '../../base/audited.decorator';
import { ObjectIdPipe } from '../../base/object-id.pipe';
import { CurrentCaller, type WorkspaceCaller } from '../access/workspace-caller';
import { FeedbackThemeDto, MergeFeedbackThemeDto } from './dto/feedback-theme.dto';
import { FeedbackThemesService } from './feedback-themes.service';

const THEME_ID = new ObjectIdPipe('that theme');

const themeDetail = (theme: ThemeView) => ({ name: theme.name });

/** The workspace's themes for feedback: read by the team, managed by engagement leads and commissioners. */
@ApiTags('engagement')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/feedback-themes')
export class FeedbackThemesController {
  constructor(private readonly themes: FeedbackThemesService) {}

  @Get()
  @Allow('feedback.read')
  @ApiOperation({ summary: 'The workspace’s themes, by name, with how much feedback each has' })
  list(@CurrentCaller() caller: WorkspaceCaller): Promise<ThemeView[]> {
    return this.themes.list(caller.workspaceId);
  }

  @Post()
  @Allow('feedback.manage')
  @AuditedResult('feedback-theme.create', 'feedback-theme', themeDetail)
  @ApiOperation({ summary: 'Add a theme' })
  create(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: FeedbackThemeDto,
  ): Promise<ThemeView> {
    return this.themes.create(caller, body.name);
  }

  @Patch(':themeId')
  @Allow('feedback.manage')
  @AuditedResult('feedback-theme.rename', 'feedback-theme', themeDetail)
  @ApiOperation({ summary: 'Rename a theme (its feedback shows the new name at once)' })
  @ApiIdParam('themeId', 'The theme')
  rename(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('themeId', THEME_ID) themeId: Types.ObjectId,
    @Body() body: FeedbackThemeDto,
  ): Promise<ThemeView> {
    return this.themes.rename(caller, themeId, body.name);
  }

  @Post(':themeId/merge')
  @HttpCode(200)
  @Allow('feedback.manage')
  @Audited('feedback-theme.merge', ({ request, result }) => ({
    target: { type: 'feedback-theme', id: String(request.params['themeId']) },
    detail: { into: (result as ThemeView).name },
  }))
  @ApiOperation({ summary: 'Merge a theme into another: its feedback moves, and it goes' })
  @ApiIdParam('themeId', 'The theme that goes')
  async merge(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('themeId', THEME_ID) themeId: Types.ObjectId,
    @Body() body: MergeFeedbackThemeDto,
  ): Promise<ThemeView> {
    return (await this.themes.merge(caller, themeId, body.intoThemeId)).into;
  }
}
