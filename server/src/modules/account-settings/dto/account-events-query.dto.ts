import { MAX_ACCOUNT_EVENTS_PAGE_SIZE } from '@coproduce/domain';
import { MAX_PAGE, WholeNumberQuery } from '../../../base/paging-fields';

/** `?page=&pageSize=` of GET /api/account/events. */
export class AccountEventsQueryDto {
  @WholeNumberQuery('page', MAX_PAGE, 1)
  page?: number;

  @WholeNumberQuery('pageSize', MAX_ACCOUNT_EVENTS_PAGE_SIZE, 20)
  pageSize?: number;
}
