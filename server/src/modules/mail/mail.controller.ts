import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MailSettings } from '@coproduce/domain';
import { SignedIn } from '../../base/access-rule.decorators';
import { MailService } from './mail.service';

@ApiTags('session')
@ApiBearerAuth()
@Controller('api/mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary: 'Whether this Coproduce sends email (invitations, password links), for forms to say',
  })
  settings(): MailSettings {
    return { sendsEmail: this.mail.enabled };
  }
}
