import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RoundChange, RoundView } from '@coproduce/domain';
import type { Types } from 'mongoose';
import { Allow } from '../../../base/access-rule.decorators';
import { ApiIdParam } from '../../../base/api-docs';
import { Audited, AuditedByService, AuditedResult } from '../../../base/audited.decorator';
import { BadRequest } from '../../../base/errors';
import { ObjectIdPipe } from '../../../base/object-id.pipe';
import { AccessPolicy } from '../../access/access-policy';
import { CurrentCaller, type WorkspaceCaller } from '../../access/workspace-caller';
import {
  ChangeEngagementRoundDto,
  CreateEngagementRoundDto,
  RoundFeedbackDto,
} from './dto/engagement-round.dto';
import { EngagementRoundsService } from './engagement-rounds.service';
import { RoundChangesService } from './round-changes.service';

const ROUND_ID = new ObjectIdPipe('that market engagement round');

const roundDetail = (round: RoundView) => ({ title: round.title });
/** A decision about one change, recorded against its round with the section it was about. */
const AuditedChange = (action: string) =>
  Audited(action, ({ request, result }) => ({
    target: { type: 'engagement-round', id: String(request.params['roundId']) },
    detail: { section: (result as RoundChange).heading, key: (result as RoundChange).key },
  }));

/** A change's key, as sectionKeyOf makes them: a section id, `start`, or `at-<client>-<clock>`. */
function checkedKey(key: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(key)) {
    throw new BadRequest('That is not the key of a change: use a key from the list of changes.');
  }
  return key;
}

/**
 * Market engagement rounds. Every member may ask; the team sees every round, a provider
 * only those they take part in (the service decides). Starting, changing and closing a
 * round, and bringing its changes back, are for commissioners.
 */
@ApiTags('engagement-rounds')
@ApiBearerAuth()
@ApiIdParam('workspaceId', 'The workspace')
@Controller('api/workspaces/:workspaceId/engagement-rounds')
export class EngagementRoundsController {
  constructor(
    private readonly rounds: EngagementRoundsService,
    private readonly changes: RoundChangesService,
  ) {}

  @Get()
  @Allow('workspace.read')
  @ApiOperation({ summary: 'Market engagement rounds, newest first' })
  list(@CurrentCaller() caller: WorkspaceCaller): Promise<RoundView[]> {
    return this.rounds.list(caller);
  }

  @Post()
  @Allow('engagement-round.manage')
  @AuditedResult('engagement-round.create', 'engagement-round', roundDetail)
  @ApiOperation({ summary: 'Start a round: fork the draft into an engagement copy for providers' })
  create(
    @CurrentCaller() caller: WorkspaceCaller,
    @Body() body: CreateEngagementRoundDto,
  ): Promise<RoundView> {
    return this.rounds.create(caller, body);
  }

  @Get(':roundId')
  @Allow('workspace.read')
  @ApiOperation({ summary: 'One round; for commissioners, how many of its changes are decided' })
  @ApiIdParam('roundId', 'The round')
  async get(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('roundId', ROUND_ID) roundId: Types.ObjectId,
  ): Promise<RoundView> {
    const round = await this.rounds.get(caller, roundId);
    if (!AccessPolicy.can(caller.role, 'engagement-round.manage')) return round;
    return { ...round, changes: await this.changes.count(caller, roundId) };
  }

  @Patch(':roundId')
  @Allow('engagement-round.manage')
  @AuditedResult('engagement-round.change', 'engagement-round', roundDetail)
  @ApiOperation({ summary: 'Change the title, closing time, names setting or who takes part' })
  @ApiIdParam('roundId', 'The round')
  update(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('roundId', ROUND_ID) roundId: Types.ObjectId,
    @Body() body: ChangeEngagementRoundDto,
  ): Promise<RoundView> {
    return this.rounds.update(caller, roundId, body);
  }

  @Post(':roundId/close')
  @HttpCode(200)
  @Allow('engagement-round.manage')
  @AuditedByService()
  @ApiOperation({ summary: 'Close the round now: its copy turns read-only for everyone' })
  @ApiIdParam('roundId', 'The round')
  close(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('roundId', ROUND_ID) roundId: Types.ObjectId,
  ): Promise<RoundView> {
    return this.rounds.close(caller, roundId);
  }

  @Get(':roundId/changes')
  @Allow('engagement-round.manage')
  @ApiOperation({
    summary: 'What changed in the copy since the fork, section by section, and by whom',
  })
  @ApiIdParam('roundId', 'The round')
  listChanges(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('roundId', ROUND_ID) roundId: Types.ObjectId,
  ): Promise<RoundChange[]> {
    return this.changes.list(caller, roundId);
  }

  @Post(':roundId/changes/:key/take')
  @HttpCode(200)
  @Allow('engagement-round.manage')
  @AuditedChange('engagement-round.take-change')
  @ApiOperation({ summary: 'Take one change into the draft, as a new edit' })
  @ApiIdParam('roundId', 'The round')
  take(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('roundId', ROUND_ID) roundId: Types.ObjectId,
    @Param('key') key: string,
  ): Promise<RoundChange> {
    return this.changes.take(caller, roundId, checkedKey(key));
  }

  @Post(':roundId/changes/:key/feedback')
  @Allow('engagement-round.manage')
  @AuditedChange('engagement-round.record-change')
  @ApiOperation({ summary: 'Record one change as feedback in engagement, with a status' })
  @ApiIdParam('roundId', 'The round')
  recordAsFeedback(
    @CurrentCaller() caller: WorkspaceCaller,
    @Param('roundId', ROUND_ID) roundId: Types.ObjectId,
    @Param('key') key: string,
    @Body() body: RoundFeedbackDto,
  ): Promise<RoundChange> {
    return this.changes.recordAsFeedback(caller, roundId, checkedKey(key), body);
  }
}
