import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Role } from '@coproduce/domain';
import { Observable, Subject } from 'rxjs';

/**
 * What happened to someone's membership. The collab module subscribes and
 * closes or downgrades the person's open documents straight away.
 */
export type MembershipChange =
  | { kind: 'role-changed'; workspaceId: string; userId: string; role: Role; previousRole: Role }
  | { kind: 'removed'; workspaceId: string; userId: string; previousRole: Role };

@Injectable()
export class MembershipEvents implements OnModuleDestroy {
  private readonly subject = new Subject<MembershipChange>();

  /** Emitted after the change is stored. */
  readonly changes: Observable<MembershipChange> = this.subject.asObservable();

  publish(change: MembershipChange): void {
    this.subject.next(change);
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
