import { Inject, Injectable } from '@nestjs/common';

import { departmentFor, isSubCauseOf, monthOf } from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { CLOCK, type Clock } from '../common/clock';
import { ForbiddenShopError, NotFoundError, RequestedConflictError } from '../common/errors/app-errors';
import { RequestValidationError } from '../common/errors/validation-error';
import { ActionItemsRepository, type ActionItemRow } from './action-items.repository';
import type { CreateActionItemDto, UpdateActionItemDto } from './dto/action-item.dto';
import { reportShops } from './report-scope';

/** Cause → action items: a lead hands a recurring cause to the department that can remove it. */
@Injectable()
export class ActionItemsService {
  constructor(
    private readonly items: ActionItemsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(actor: SignedInActor): Promise<ActionItemRow[]> {
    return this.items.list(reportShops(actor, undefined));
  }

  async create(actor: SignedInActor, dto: CreateActionItemDto): Promise<ActionItemRow> {
    reportShops(actor, [dto.shopId]);
    const problems: Array<{ field: string; messages: string[] }> = [];
    if (dto.subCause && !isSubCauseOf(dto.rootCause, dto.subCause))
      problems.push({
        field: 'subCause',
        messages: [`subCause ${dto.subCause} is not a sub-cause of ${dto.rootCause}`],
      });
    if (dto.skuName && !dto.productId)
      problems.push({ field: 'skuName', messages: ['skuName needs the productId it belongs to'] });
    if (dto.productId) {
      if (!(await this.items.isProductOfShop(dto.productId, dto.shopId)))
        problems.push({ field: 'productId', messages: ['productId is not a product of this shop'] });
    }
    if (problems.length > 0) throw new RequestValidationError(problems);
    const id = await this.items.insert({
      shopId: dto.shopId,
      rootCause: dto.rootCause,
      subCause: dto.subCause ?? null,
      productId: dto.productId ?? null,
      skuName: dto.skuName?.trim() ?? null,
      title: dto.title.trim(),
      department: dto.department ?? departmentFor(dto.rootCause),
      owner: dto.owner?.trim() || null,
      dueOn: dto.dueOn,
      startedMonth: monthOf(this.clock.now()),
      createdBy: actor.id,
    });
    return (await this.items.get(id)) as ActionItemRow;
  }

  async update(actor: SignedInActor, id: string, dto: UpdateActionItemDto): Promise<ActionItemRow> {
    const item = await this.items.get(id);
    if (!item) throw new NotFoundError('action_item.not_found', id);
    try {
      reportShops(actor, [item.shopId]);
    } catch (error) {
      // Another shop's item is reported as missing, not as forbidden: its existence is not the caller's business.
      if (error instanceof ForbiddenShopError) throw new NotFoundError('action_item.not_found', id);
      throw error;
    }
    const patch = { ...(dto.status ? { status: dto.status } : {}), ...(dto.dueOn ? { dueOn: dto.dueOn } : {}) };
    const updated = await this.items.update(id, dto.expectedVersion, {
      ...patch,
      ...(dto.owner !== undefined ? { owner: dto.owner.trim() || null } : {}),
    });
    if (!updated) throw new RequestedConflictError('action_item.version_conflict');
    return (await this.items.get(id)) as ActionItemRow;
  }
}
