import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import type { CompletedSetup, WorkspaceSummary } from '@coproduce/domain';
import { Connection, Model } from 'mongoose';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDuplicateKeyError } from '../../base/duplicate-key';
import { SetupDone, WrongSetupCode } from '../../base/errors';
import { AccountsService } from '../accounts/accounts.service';
import type { UserDocument } from '../accounts/user.schema';
import { User } from '../accounts/user.schema';
import { AuthService } from '../auth/auth.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import type { CompleteSetupDto } from './dto/complete-setup.dto';
import { hashSetupCode, matchesSetupCode, newSetupCode } from './setup-code';

/**
 * One document whose unique `_id` lets exactly one set-up through, on this node or
 * any other sharing the database (the embedded store has no transactions to lean on).
 */
const CLAIM_ID = 'first-commissioner';
/** A claim this old with still no accounts was left by a process that stopped mid-way. */
const ABANDONED_CLAIM_MS = 10 * 60_000;

/**
 * First run: while the database holds no accounts, a one-time code printed at start
 * lets whoever can read this server's output create the first commissioner and
 * their workspace. Once anyone has done so, set-up is closed for good.
 */
@Injectable()
export class SetupService implements OnApplicationBootstrap {
  /** Only the code's hash; undefined when no set-up is open on this node. */
  private codeHash: Buffer | undefined;
  /** Settles once this node knows whether set-up is open (after it listens). */
  private prepared: Promise<void> = Promise.resolve();
  private readonly logger = new Logger('Setup');

  constructor(
    @InjectModel(User.name) private readonly users: Model<User>,
    @InjectConnection() private readonly connection: Connection,
    private readonly adapterHost: HttpAdapterHost,
    private readonly accounts: AccountsService,
    private readonly workspaces: WorkspacesService,
    private readonly auth: AuthService,
  ) {}

  private get claims() {
    return this.connection.collection<{ _id: string; at: Date }>('setup_claims');
  }

  /**
   * Waits for the server to listen: by then every start-up hook (the demo seed among
   * them) has run, so "no accounts" is the truth, and the real port is known for the
   * address printed. Requests cannot arrive before then.
   */
  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const prepare = () => {
      this.prepared = this.openIfNoAccounts(server).catch((error: unknown) => {
        // Set-up stays closed on this node; a restart tries again with a new code.
        this.logger.warn(`Could not check for a first run: ${String(error)}`);
      });
    };
    if (server.listening) prepare();
    else server.once('listening', prepare);
  }

  async isNeeded(): Promise<boolean> {
    await this.prepared;
    return this.codeHash !== undefined && !(await this.isDone());
  }

  async complete(request: CompleteSetupDto): Promise<CompletedSetup> {
    await this.prepared;
    const codeHash = this.codeHash;
    if (!codeHash || (await this.isDone())) {
      this.codeHash = undefined;
      throw new SetupDone();
    }
    if (!matchesSetupCode(codeHash, request.code)) throw new WrongSetupCode();
    await this.claim();

    let account: UserDocument | undefined;
    let workspace: WorkspaceSummary;
    try {
      account = await this.accounts.create({
        name: request.name,
        email: request.email,
        password: request.password,
      });
      const detail = await this.workspaces.create(account._id, {
        name: request.workspaceName,
        serviceArea: request.serviceArea,
        leadOrganisation: request.leadOrganisation,
      });
      workspace = { id: detail.id, name: detail.name, role: detail.role };
    } catch (error) {
      // Leave nothing half made, so the person can correct what failed and try again.
      if (account) await this.accounts.removeUnfinished(account._id);
      await this.claims.deleteOne({ _id: CLAIM_ID });
      throw error;
    }
    this.codeHash = undefined;
    return { ...(await this.auth.startSession(account)), workspace };
  }

  private async openIfNoAccounts(server: Server): Promise<void> {
    if (await this.users.exists({})) return;
    await this.claims.deleteOne({
      _id: CLAIM_ID,
      at: { $lt: new Date(Date.now() - ABANDONED_CLAIM_MS) },
    });
    const code = newSetupCode();
    this.codeHash = hashSetupCode(code);
    const { port } = server.address() as AddressInfo;
    // Written straight to the output, like the welcome message: it must show at any LOG_LEVEL.
    process.stdout.write(
      `\nNo accounts yet. To set up Coproduce, open http://localhost:${port}/setup and enter the code ${code}\n` +
        `(a new code is made each time the app starts, until set-up is done)\n\n`,
    );
  }

  private async isDone(): Promise<boolean> {
    return (
      (await this.users.exists({})) !== null ||
      (await this.claims.countDocuments({ _id: CLAIM_ID })) > 0
    );
  }

  private async claim(): Promise<void> {
    try {
      await this.claims.insertOne({ _id: CLAIM_ID, at: new Date() });
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new SetupDone();
      throw error;
    }
  }
}
