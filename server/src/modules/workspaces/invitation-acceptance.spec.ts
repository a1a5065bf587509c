import type { Role } from '@coproduce/domain';
import { ConfigService } from '@nestjs/config';
import { Types, type Model } from 'mongoose';
import { embeddedDatabase } from '../../base/embedded-database.spec-support';
import { AccountExists } from '../../base/errors';
import { EventBus } from '../../base/event-bus';
import { Membership, MembershipSchema } from '../access/membership.schema';
import { WorkspaceRoles } from '../access/workspace-roles';
import { AccountsService } from '../accounts/accounts.service';
import { User, UserSchema, type UserDocument } from '../accounts/user.schema';
import { AuthService } from '../auth/auth.service';
import { SignInBackOff } from '../auth/sign-in-back-off';
import { Session, SessionSchema } from '../auth/session.schema';
import {
  InvitationConfirmation,
  InvitationConfirmationSchema,
} from './invitation-confirmation.schema';
import { Invitation, InvitationSchema } from './invitation.schema';
import { InvitationsService } from './invitations.service';
import { MembershipsService } from './memberships.service';
import { Workspace, WorkspaceSchema } from './workspace.schema';
import { WorkspacesService } from './workspaces.service';
import { MailService } from '../mail/mail.service';

const PASSWORD = 'a long enough password';

/** Real memberships, except that the next `add` can be made to fail as a database error would. */
class MembershipsThatCanFail extends MembershipsService {
  failNextAdd = false;
  /** Runs just before the failure, e.g. to let someone else act in between. */
  meanwhile: (() => Promise<unknown>) | undefined;

  override async add(...membership: Parameters<MembershipsService['add']>) {
    if (this.failNextAdd) {
      this.failNextAdd = false;
      await this.meanwhile?.();
      throw new Error('the database went away');
    }
    return super.add(...membership);
  }
}

/** Real accounts, except that the next look-up by email can miss, as in a race with a sign-up. */
class AccountsThatCanRace extends AccountsService {
  missNextLookUp = false;

  override findByEmail(email: string): Promise<UserDocument | null> {
    if (this.missNextLookUp) {
      this.missNextLookUp = false;
      return Promise.resolve(null);
    }
    return super.findByEmail(email);
  }
}

describe('accepting an invitation is all or nothing for the person accepting', () => {
  const database = embeddedDatabase();
  let users: Model<User>;
  let invitationModel: Model<Invitation>;
  let accounts: AccountsThatCanRace;
  let memberships: MembershipsThatCanFail;
  let invitations: InvitationsService;
  let commissioner: UserDocument;
  let workspaceId: Types.ObjectId;

  beforeAll(async () => {
    const connection = database();
    users = connection.model(User.name, UserSchema);
    invitationModel = connection.model(Invitation.name, InvitationSchema);
    const membershipModel = connection.model(Membership.name, MembershipSchema);
    const workspaceModel = connection.model(Workspace.name, WorkspaceSchema);
    const sessionModel = connection.model(Session.name, SessionSchema);
    await Promise.all([users, invitationModel, membershipModel, sessionModel].map((m) => m.init()));

    accounts = new AccountsThatCanRace(users);
    const events = new EventBus();
    memberships = new MembershipsThatCanFail(membershipModel, workspaceModel, accounts, events);
    const workspaces = new WorkspacesService(
      workspaceModel,
      memberships,
      new WorkspaceRoles(membershipModel),
      events,
    );
    const auth = new AuthService(
      sessionModel,
      accounts,
      new ConfigService({ SESSION_DAYS: 14 }),
      events,
      new SignInBackOff(),
    );
    invitations = new InvitationsService(
      invitationModel,
      connection.model(InvitationConfirmation.name, InvitationConfirmationSchema),
      workspaces,
      memberships,
      new WorkspaceRoles(membershipModel),
      accounts,
      auth,
      // No SMTP_URL: invitations are links for the inviter to send.
      new MailService(
        new ConfigService({ MAIL_FROM: 'Coproduce <no-reply@example.org>', PORT: 3000 }),
      ),
    );

    commissioner = await accounts.create({
      email: 'commissioner@icb.example',
      name: 'Commissioner',
      password: PASSWORD,
    });
    const workspace = await workspaces.create(commissioner._id, {
      name: 'Key worker service',
      serviceArea: 'Children and young people',
      leadOrganisation: 'Integrated care board',
    });
    workspaceId = new Types.ObjectId(workspace.id);
  });

  afterEach(() => {
    memberships.failNextAdd = false;
    memberships.meanwhile = undefined;
    accounts.missNextLookUp = false;
  });

  const invite = async (email: string | undefined, role: Role = 'expert-by-experience') => {
    const created = await invitations.create(workspaceId, commissioner, { email, role });
    if (!created.token) throw new Error('Without email, an invitation is a link');
    return { ...created, token: created.token };
  };

  it('a membership that cannot be made takes back the new account, and the retry succeeds', async () => {
    const { token } = await invite('parent.carer@example.org');
    memberships.failNextAdd = true;

    await expect(
      invitations.accept(token, undefined, { name: 'Parent carer', password: 'first choice!' }),
    ).rejects.toThrow('the database went away');
    expect(await users.countDocuments({ email: 'parent.carer@example.org' })).toBe(0);
    expect((await invitations.preview(token)).status).toBe('pending');

    const retried = await invitations.accept(token, undefined, {
      name: 'Parent carer',
      password: 'second choice',
    });
    // Without email the account is made at once, not confirmed by email.
    if ('emailed' in retried) throw new Error('Without email nothing is emailed');
    expect(retried.workspace.role).toBe('expert-by-experience');
    expect(retried.session?.user.email).toBe('parent.carer@example.org');
    expect(await accounts.verifyCredentials('parent.carer@example.org', 'second choice')).not.toBe(
      null,
    );
    expect(await accounts.verifyCredentials('parent.carer@example.org', 'first choice!')).toBe(
      null,
    );
    expect((await invitations.preview(token)).status).toBe('accepted');
  });

  it('a signed-in person whose membership fails keeps their account; the link works again', async () => {
    const steering = await accounts.create({
      email: 'steering@example.org',
      name: 'Steering member',
      password: PASSWORD,
    });
    const { token } = await invite(undefined, 'steering-member');
    memberships.failNextAdd = true;

    await expect(invitations.accept(token, steering, {})).rejects.toThrow('the database went away');
    expect(await users.exists({ _id: steering._id })).not.toBe(null);
    expect((await invitations.preview(token)).status).toBe('pending');

    await expect(invitations.accept(token, steering, {})).resolves.toEqual({
      workspace: expect.objectContaining({ role: 'steering-member' }) as unknown,
    });
  });

  it('losing a race to the same email never deletes the account that won', async () => {
    const winner = await accounts.create({
      email: 'raced@example.org',
      name: 'First to sign up',
      password: PASSWORD,
    });
    const { token } = await invite(undefined, 'observer');
    // The check before claiming misses the winner, as if it signed up a moment later.
    accounts.missNextLookUp = true;

    await expect(
      invitations.accept(token, undefined, {
        name: 'Second to sign up',
        email: 'raced@example.org',
        password: 'another password',
      }),
    ).rejects.toBeInstanceOf(AccountExists);
    const kept = await users.findOne({ email: 'raced@example.org' }).exec();
    expect(kept?._id.equals(winner._id)).toBe(true);
    expect(await accounts.verifyCredentials('raced@example.org', PASSWORD)).not.toBe(null);
    expect((await invitations.preview(token)).status).toBe('pending');
  });

  it('a failed attempt does not give back an invitation that was claimed again meanwhile', async () => {
    const { token, id } = await invite('claimed@example.org');
    memberships.failNextAdd = true;
    // Stands in for a later claim (e.g. a clock-skewed second node) landing before the undo.
    const otherClaim = new Date(Date.now() + 60_000);
    memberships.meanwhile = () =>
      invitationModel.updateOne({ _id: id }, { $set: { acceptedAt: otherClaim } }).exec();

    await expect(
      invitations.accept(token, undefined, { name: 'Late', password: PASSWORD }),
    ).rejects.toThrow('the database went away');
    const stored = await invitationModel.findById(id).exec();
    expect(stored?.acceptedAt?.getTime()).toBe(otherClaim.getTime());
    expect(await users.countDocuments({ email: 'claimed@example.org' })).toBe(0);
  });
});
