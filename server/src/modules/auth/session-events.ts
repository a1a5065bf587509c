import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';

/**
 * Sessions that ended (signed out). Open collab sockets keep the identity they
 * connected with, so the collab module subscribes and closes that session's
 * sockets at once.
 */
@Injectable()
export class SessionEvents implements OnModuleDestroy {
  private readonly subject = new Subject<string>();

  /** The token hash of each session that ended, after it was deleted. */
  readonly ended: Observable<string> = this.subject.asObservable();

  publishEnded(tokenHash: string): void {
    this.subject.next(tokenHash);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
