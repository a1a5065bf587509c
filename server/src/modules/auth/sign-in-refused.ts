import { WrongCredentials } from '../../base/errors';

/**
 * A wrong password for an account that exists. The caller is told exactly what a wrong
 * email would tell them; the account is carried only so that the attempt is recorded for
 * its owner, who sees it among their sign-in events.
 */
export class WrongPasswordForAccount extends WrongCredentials {
  constructor(readonly accountId: string) {
    super();
  }
}
