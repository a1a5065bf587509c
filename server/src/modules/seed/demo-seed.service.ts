import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Y } from '@coproduce/protocol';
import { Connection, Model, Types } from 'mongoose';
import { DEFAULT_DEMO_PASSWORD, type AppConfig } from '../../base/config';
import { Membership } from '../access/membership.schema';
import { hashPassword, verifyPassword } from '../accounts/password';
import { User } from '../accounts/user.schema';
import { newLogWriterId } from '../specification-store/log-writer-id';
import { SpecificationStore } from '../specification-store/specification-store';
import { Specification } from '../specifications/specification.schema';
import { Workspace } from '../workspaces/workspace.schema';
import {
  isLoopbackHost,
  publishedDemoPasswordRefusal,
  publishedDemoPasswordWarning,
} from './demo-exposure';
import { writeDemoSpecification } from './demo-specification-content';
import { DEMO_ACCOUNTS, DEMO_SPECIFICATION_TITLE, DEMO_WORKSPACE } from './demo-workspace';

const SEED_MARKER = 'demo-workspace-v1';

/**
 * Seeds the demo workspace on the first start (unless SEED_DEMO=false). A
 * marker records that it ran, so deleting demo data later is respected; each
 * step is also an upsert, so an interrupted first run completes next time.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly config: ConfigService<AppConfig, true>,
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectModel(Workspace.name) private readonly workspaces: Model<Workspace>,
    @InjectModel(Membership.name) private readonly memberships: Model<Membership>,
    @InjectModel(Specification.name) private readonly specifications: Model<Specification>,
    private readonly specificationStore: SpecificationStore,
  ) {}

  /**
   * Runs before the app listens. Where other machines reach it, the demo is created only
   * with a password of the operator's own: a throw here stops start-up with the reason.
   */
  async onApplicationBootstrap(): Promise<void> {
    const host = this.config.get('HOST', { infer: true });
    const reachable = !(await isLoopbackHost(host));
    if (this.config.get('SEED_DEMO', { infer: true })) {
      const password = this.config.get('DEMO_PASSWORD', { infer: true });
      if (reachable && password === DEFAULT_DEMO_PASSWORD) {
        throw new Error(publishedDemoPasswordRefusal(host));
      }
      await this.seedOnce();
    }
    if (reachable) await this.warnIfPublishedPasswordIsReachable(host);
  }

  private async seedOnce(): Promise<void> {
    const markers = this.connection.collection<{ _id: string; at: Date }>('seed_runs');
    if (await markers.findOne({ _id: SEED_MARKER })) return;
    await this.seed();
    await markers.updateOne({ _id: SEED_MARKER }, { $set: { at: new Date() } }, { upsert: true });
    this.logger.log('Seeded the demo workspace and accounts');
  }

  /**
   * Asks the stored account rather than the settings: the seed runs once, so a
   * DEMO_PASSWORD set after the first start, or SEED_DEMO=false later, leaves the
   * accounts seeded earlier (on this machine only) with the password they were given.
   */
  private async warnIfPublishedPasswordIsReachable(host: string): Promise<void> {
    const commissioner = DEMO_ACCOUNTS.find((account) => account.role === 'commissioner');
    if (!commissioner) return;
    const account = await this.users.findOne({ email: commissioner.email }).exec();
    if (!account || !(await verifyPassword(account.passwordHash, DEFAULT_DEMO_PASSWORD))) return;
    this.logger.warn(publishedDemoPasswordWarning(host, commissioner.email));
  }

  private async seed(): Promise<void> {
    const passwordHash = await hashPassword(this.config.get('DEMO_PASSWORD', { infer: true }));
    const workspace = await this.workspaces
      .findOneAndUpdate(
        { name: DEMO_WORKSPACE.name, leadOrganisation: DEMO_WORKSPACE.leadOrganisation },
        { $setOnInsert: DEMO_WORKSPACE },
        { upsert: true, new: true },
      )
      .exec();
    let commissionerId: Types.ObjectId | undefined;
    for (const account of DEMO_ACCOUNTS) {
      const user = await this.users
        .findOneAndUpdate(
          { email: account.email },
          { $setOnInsert: { email: account.email, name: account.name, passwordHash } },
          { upsert: true, new: true },
        )
        .exec();
      await this.memberships
        .updateOne(
          { workspaceId: workspace._id, userId: user._id },
          {
            $setOnInsert: {
              workspaceId: workspace._id,
              userId: user._id,
              role: account.role,
              organisation: account.organisation,
            },
          },
          { upsert: true },
        )
        .exec();
      if (account.role === 'commissioner') commissionerId = user._id;
    }
    if (!commissionerId) throw new Error('The demo accounts need a commissioner');
    const specification = await this.specifications
      .findOneAndUpdate(
        { workspaceId: workspace._id, title: DEMO_SPECIFICATION_TITLE },
        {
          $setOnInsert: {
            workspaceId: workspace._id,
            title: DEMO_SPECIFICATION_TITLE,
            status: 'draft',
            createdBy: commissionerId,
            updatedBy: commissionerId,
          },
        },
        { upsert: true, new: true },
      )
      .exec();
    await this.writeDemoText(specification.id as string);
  }

  /**
   * The draft's text, partly written, stored as the collab module stores any
   * specification's first state. Only when it has none yet: the app is not
   * listening during seeding, so nobody can have opened it meanwhile.
   */
  private async writeDemoText(specificationId: string): Promise<void> {
    const stored = await this.specificationStore.load(specificationId);
    if (stored.snapshot || stored.log.length > 0) return;
    const doc = new Y.Doc();
    try {
      writeDemoSpecification(doc);
      await this.specificationStore.append(specificationId, [
        { writer: newLogWriterId(), seq: 1, update: Y.encodeStateAsUpdate(doc) },
      ]);
    } finally {
      doc.destroy();
    }
  }
}
