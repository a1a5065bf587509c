import { DEFAULT_AUDIT_PAGE_SIZE } from '@coproduce/domain';
import { BadRequest } from '../../base/errors';
import { parseObjectId } from '../../base/object-id.pipe';
import { endOfUkDay, startOfUkDay } from '../../base/uk-time';
import type { AuditFilter, Paging } from './audit.service';
import type { AuditQueryDto } from './dto/audit-query.dto';

/** A validated query as the filter and page it asks for; 400 for what only makes sense together. */
export function readAuditQuery(query: AuditQueryDto): { filter: AuditFilter; paging: Paging } {
  if (query.limit !== undefined && query.pageSize !== undefined) {
    throw new BadRequest('Give pageSize or limit, not both: limit is the older name of pageSize.');
  }
  if (query.from && query.to && query.from > query.to) {
    throw new BadRequest('The from date must be the same as the to date or before it.');
  }
  return {
    filter: {
      actorId: parseObjectId(query.actorId),
      action: query.action,
      from: query.from ? startOfUkDay(query.from) : undefined,
      before: query.to ? endOfUkDay(query.to) : undefined,
      targetType: query.targetType,
      targetId: query.targetId?.toLowerCase(),
    },
    paging: {
      page: query.page ?? 1,
      pageSize: query.pageSize ?? query.limit ?? DEFAULT_AUDIT_PAGE_SIZE,
    },
  };
}
