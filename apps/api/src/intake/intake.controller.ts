import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import type { Locale } from '@chaping/domain';

import { Access, AllowApiKey, CurrentActor, type SignedInActor } from '../common/actor/actor';
import { ApiIntakeErrors } from '../common/errors/api-error-responses';
import { UnprocessableError } from '../common/errors/app-errors';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import {
  ApiImportQueryDto,
  ApiImportResultDto,
  FileUploadQueryDto,
  ImportFormatParamDto,
  ImportJobDto,
  ImportRejectionsDto,
  ListImportsQueryDto,
  RejectionsFileQueryDto,
  RejectionsQueryDto,
} from './dto/import-job.dto';
import { IntakeService } from './intake.service';

@ApiTags('intake')
@Access('signed_in')
@Controller()
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post('imports')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Upload a CSV or XLSX review export, or with kind=care_orders an export of delivered orders for care ' +
      'follow-ups (multipart field "file"); answers at once with the job to poll',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @ApiAcceptedResponse({ type: ImportJobDto })
  @ApiIntakeErrors()
  async upload(
    @Query() query: FileUploadQueryDto,
    @Req() request: FastifyRequest,
    @CurrentActor() actor: SignedInActor,
  ) {
    const file = request.isMultipart() ? await request.file() : undefined;
    if (!file) throw new UnprocessableError('import.file_required');
    return this.intake.startFileImport(
      actor,
      { shopId: query.shopId, kind: query.kind ?? 'reviews' },
      {
        filename: file.filename,
        stream: file.file,
        truncated: () => file.file.truncated,
      },
    );
  }

  @Get('imports')
  @ApiOperation({ summary: 'Recent imports of the shops the actor works' })
  @ApiOkResponse({ type: [ImportJobDto] })
  list(@Query() query: ListImportsQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.intake.list(actor, query.limit ?? 50);
  }

  @Get('imports/:id')
  @AllowApiKey()
  @ApiOperation({
    summary: 'One import with its progress: rows read, imported, updated, duplicates, skipped, rejected',
  })
  @ApiOkResponse({ type: ImportJobDto })
  @ApiIntakeErrors()
  job(@UuidParam('id') id: string, @CurrentActor() actor: SignedInActor) {
    return this.intake.job(actor, id);
  }

  @Get('imports/:id/rejections')
  @AllowApiKey()
  @ApiOperation({ summary: 'Every rejected row of an import: row number, field and reason' })
  @ApiOkResponse({ type: ImportRejectionsDto })
  @ApiIntakeErrors()
  rejections(@UuidParam('id') id: string, @Query() query: RejectionsQueryDto, @CurrentActor() actor: SignedInActor) {
    return this.intake.rejections(actor, id, { afterRow: query.afterRow ?? 0, limit: query.limit ?? 1000 });
  }

  @Get('imports/:id/rejections.csv')
  @AllowApiKey()
  @ApiOperation({
    summary:
      'Every rejected row of an import as a CSV download (row, column, reason, value): UTF-8 with BOM, formula-safe cells',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiIntakeErrors()
  async rejectionsFile(
    @UuidParam('id') id: string,
    @Query() query: RejectionsFileQueryDto,
    @CurrentActor() actor: SignedInActor,
    @RequestLocale() locale: Locale,
  ): Promise<StreamableFile> {
    const file = await this.intake.rejectionsFile(actor, id, query.lang ?? locale);
    return new StreamableFile(file.stream, {
      type: 'text/csv; charset=utf-8',
      // The plain name for old clients, the real (possibly Chinese) one as RFC 6266 allows.
      disposition: `attachment; filename="rejected-rows.csv"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Post('intake/:format')
  @HttpCode(200)
  @AllowApiKey()
  @ApiOperation({
    summary:
      'Import reviews in a marketplace API shape (envelope, array or one item), e.g. taobao.traderates.get; ' +
      'ids above 2^53 are kept exactly',
  })
  @ApiSecurity('api-key')
  @ApiBody({ schema: { type: 'object', description: 'The marketplace payload as the platform returns it' } })
  @ApiOkResponse({ type: ApiImportResultDto })
  @ApiIntakeErrors()
  importPayload(
    @Param() params: ImportFormatParamDto,
    @Query() query: ApiImportQueryDto,
    @Body() payload: unknown,
    @CurrentActor() actor: SignedInActor,
  ) {
    return this.intake.importPayload(actor, {
      shopId: query.shopId,
      formatId: params.format,
      payload,
      ...(query.childTradeId ? { childTradeId: query.childTradeId } : {}),
    });
  }
}
