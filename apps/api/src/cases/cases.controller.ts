import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import {
  Access,
  CurrentActor,
  CurrentCaller,
  SessionCheckedByRead,
  type Caller,
  type SignedInActor,
} from '../common/actor/actor';
import { ApiCommandErrors, ApiReadErrors } from '../common/errors/api-error-responses';
import { UuidParam } from '../common/uuid-param';
import { CaseWorkflowService } from './case-workflow.service';
import { CasesService } from './cases.service';
import {
  BulkReassignDto,
  BulkReassignResultDto,
  ConfirmRootCauseDto,
  QaReviewCommandDto,
  ReassignDto,
  RecordAndCloseDto,
  RecordRemedyDto,
  ReopenDto,
  ReviewOutcomeDto,
  RevisionRequestDto,
  TransitionDto,
  TriageOverrideDto,
} from './dto/case-commands.dto';
import { CaseViewDto, EarlierCaseDto } from './dto/case-view.dto';
import { CaseCountsDto, CaseCountsQueryDto, CasePageDto, ListCasesQueryDto } from './dto/list-cases.dto';

@ApiTags('cases')
@Access('case')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly workflow: CaseWorkflowService,
  ) {}

  @Get()
  @Access('signed_in')
  @ApiOperation({ summary: 'The queue: cases sorted by urgency, filtered, keyset-paginated' })
  @ApiOkResponse({ type: CasePageDto })
  @ApiReadErrors()
  list(@Query() query: ListCasesQueryDto, @CurrentActor() actor: SignedInActor): Promise<CasePageDto> {
    return this.cases.list(query, actor);
  }

  @Post('assignment')
  @Access('lead')
  @HttpCode(200)
  @ApiOperation({ summary: 'Team lead: reassign many cases at once (e.g. from the queue), with one reason' })
  @ApiOkResponse({ type: BulkReassignResultDto })
  @ApiCommandErrors()
  reassignMany(@Body() dto: BulkReassignDto, @CurrentActor() actor: SignedInActor): Promise<BulkReassignResultDto> {
    return this.workflow.reassignMany(dto, actor);
  }

  @Get('counts')
  @Access('signed_in')
  @ApiOperation({ summary: "Counters for the queue's tabs: open cases per stage, overdue first contacts, the pool" })
  @ApiOkResponse({ type: CaseCountsDto })
  @ApiReadErrors()
  counts(@Query() query: CaseCountsQueryDto, @CurrentActor() actor: SignedInActor): Promise<CaseCountsDto> {
    return this.cases.counts(query, actor);
  }

  @Get(':id')
  @SessionCheckedByRead()
  @ApiOperation({ summary: 'One case with its buyer (masked), order, review, children and full history' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiReadErrors()
  get(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<CaseViewDto> {
    return this.cases.get(id, caller);
  }

  @Get(':id/earlier-cases')
  @SessionCheckedByRead()
  @ApiOperation({
    summary: "The buyer's earlier cases in the caller's shops, newest first (at most 10), with their special notes",
  })
  @ApiOkResponse({ type: [EarlierCaseDto] })
  @ApiReadErrors()
  earlierCases(@UuidParam('id') id: string, @CurrentCaller() caller: Caller): Promise<EarlierCaseDto[]> {
    return this.cases.earlierCases(id, caller);
  }

  @Post(':id/triage-overrides')
  @HttpCode(200)
  @ApiOperation({
    summary: "Correct one of triage's suggestions (root cause, severity, buyer type, mis-click), with a reason",
  })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  overrideTriage(@UuidParam('id') id: string, @Body() dto: TriageOverrideDto, @CurrentActor() actor: SignedInActor) {
    return this.workflow.overrideTriage(id, dto, actor);
  }

  @Post(':id/qa-review')
  @Access('lead')
  @HttpCode(200)
  @ApiOperation({ summary: "Team lead: review a closed case's record on the checklist, with a comment" })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  reviewRecord(@UuidParam('id') id: string, @Body() dto: QaReviewCommandDto, @CurrentActor() actor: SignedInActor) {
    return this.workflow.reviewRecord(id, dto, actor);
  }

  @Post(':id/assignment')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Team lead: give the case to another agent of its shop, or back to the pool, with a reason',
  })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  reassign(@UuidParam('id') id: string, @Body() dto: ReassignDto, @CurrentActor() actor: SignedInActor) {
    return this.workflow.reassign(id, dto, actor);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Agent: take a case from the shop's pool. Of agents claiming one case at once, one wins; the others get 409 assignment.already_taken",
  })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  claim(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.workflow.claim(id, actor);
  }

  @Post(':id/transitions')
  @SessionCheckedByRead()
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the case along one edge of the workflow' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  transition(@UuidParam('id') id: string, @Body() dto: TransitionDto, @CurrentCaller() caller: Caller) {
    return this.workflow.transition(id, dto, caller);
  }

  @Post(':id/root-cause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm the root cause with the buyer (replaces the triage guess)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  confirmRootCause(
    @UuidParam('id') id: string,
    @Body() dto: ConfirmRootCauseDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.workflow.confirmRootCause(id, dto, actor);
  }

  @Post(':id/remedy')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record or update the remedy (return, exchange, refund…)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  recordRemedy(@UuidParam('id') id: string, @Body() dto: RecordRemedyDto, @CurrentActor() actor: SignedInActor) {
    return this.workflow.recordRemedy(id, dto, actor);
  }

  @Post(':id/review-outcome')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record what became of the review on the platform' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  recordReviewOutcome(
    @UuidParam('id') id: string,
    @Body() dto: ReviewOutcomeDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.workflow.recordReviewOutcome(id, dto, actor);
  }

  @Post(':id/revision-request')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a polite revision request (only where the platform allows; never with a benefit)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  recordRevisionRequest(
    @UuidParam('id') id: string,
    @Body() dto: RevisionRequestDto,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.workflow.recordRevisionRequest(id, dto, actor);
  }

  @Post(':id/record')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record and close: requires a complete record' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  recordAndClose(@UuidParam('id') id: string, @Body() dto: RecordAndCloseDto, @CurrentActor() actor: SignedInActor) {
    return this.workflow.recordAndClose(id, dto, actor);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a closed case with a reason (team lead)' })
  @ApiOkResponse({ type: CaseViewDto })
  @ApiCommandErrors()
  reopen(@UuidParam('id') id: string, @Body() dto: ReopenDto, @CurrentActor() actor: SignedInActor) {
    return this.workflow.reopen(id, dto, actor);
  }
}
