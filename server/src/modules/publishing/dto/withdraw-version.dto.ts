import { MAX_WITHDRAW_REASON_LENGTH, type WithdrawVersionRequest } from '@coproduce/domain';
import { RequiredText } from '../../../base/text-fields';

export class WithdrawVersionDto implements WithdrawVersionRequest {
  @RequiredText('The reason', MAX_WITHDRAW_REASON_LENGTH)
  reason: string;
}
