import * as Joi from 'joi';
import { isIP } from 'node:net';

/**
 * Every setting the server reads from the environment, validated once at
 * start-up: a bad value stops the process with a message naming the variable.
 */
export interface AppConfig {
  PORT: number;
  HOST: string;
  DATA_DIR: string;
  MONGODB_URI?: string;
  REDIS_URL?: string;
  SEED_DEMO: boolean;
  DEMO_PASSWORD: string;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  COLLAB_MAX_FRAME_BYTES: number;
  SESSION_DAYS: number;
  /** Express's `trust proxy`; absent: no proxy is trusted (Express's default). */
  TRUST_PROXY?: TrustProxy;
  /** Where to send email (`smtp://` or `smtps://`, with credentials if needed); unset: no email. */
  SMTP_URL?: string;
  /** Who email comes from. */
  MAIL_FROM: string;
  /** The address people reach the app at, for links in email; unset: http://localhost:PORT. */
  PUBLIC_URL?: string;
  /** Workspaces one account may start in an hour. */
  WORKSPACES_PER_HOUR: number;
  /** Specifications one account may create in an hour. */
  SPECIFICATIONS_PER_HOUR: number;
}

/** What `app.set('trust proxy', ...)` is given: all, none, a hop count, or addresses. */
export type TrustProxy = boolean | number | string[];

/** Published in the README, so only fit for an app nobody else can reach. */
export const DEFAULT_DEMO_PASSWORD = 'coproduce-demo';

export const configSchema = Joi.object<AppConfig>({
  // 0 lets the operating system choose a free port (tests rely on it).
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  HOST: Joi.string().hostname().default('127.0.0.1'),
  DATA_DIR: Joi.string().min(1).default('./data'),
  MONGODB_URI: Joi.string()
    .uri({ scheme: ['mongodb', 'mongodb+srv'] })
    .optional(),
  // Accepted now so deployments can set it; multi-node fan-out comes later.
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .optional(),
  SEED_DEMO: Joi.boolean().truthy('true', '1', 'yes').falsy('false', '0', 'no').default(true),
  DEMO_PASSWORD: Joi.string().min(1).max(200).default(DEFAULT_DEMO_PASSWORD),
  LOG_LEVEL: Joi.string()
    .valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent')
    .default('info'),
  COLLAB_MAX_FRAME_BYTES: Joi.number()
    .integer()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1048576),
  SESSION_DAYS: Joi.number().integer().min(1).max(90).default(14),
  // Behind a load balancer, so request.ip is the client's (rate limits) and request.secure
  // follows X-Forwarded-Proto (the session cookie's Secure flag).
  TRUST_PROXY: Joi.string()
    .custom((value: string, helpers) => parseTrustProxy(value) ?? helpers.error('any.invalid'))
    .messages({
      'any.invalid':
        '{{#label}} must be true, false, a number of proxies, or a comma-separated list of ' +
        'addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    })
    .optional(),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .optional(),
  MAIL_FROM: Joi.string().min(3).max(320).default('Coproduce <no-reply@coproduce.invalid>'),
  PUBLIC_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .optional(),
  // Far above what a commissioning team does in an hour; set higher for load tests.
  WORKSPACES_PER_HOUR: Joi.number().integer().min(1).max(1_000_000).default(30),
  SPECIFICATIONS_PER_HOUR: Joi.number().integer().min(1).max(1_000_000).default(120),
});

export const configValidationOptions: Joi.ValidationOptions = {
  allowUnknown: true,
  abortEarly: false,
  errors: { wrap: { label: false } },
};

/** A validated setting of the environment, for what is fixed before Nest starts (decorators). */
export function configuredValue<K extends keyof AppConfig>(name: K): AppConfig[K] {
  validatedEnvironment ??= configSchema.validate(process.env, configValidationOptions)
    .value as AppConfig;
  return validatedEnvironment[name];
}

let validatedEnvironment: AppConfig | undefined;

/** Each problem with the environment, as a sentence naming the variable; empty when it is fine. */
export function configurationProblems(environment: NodeJS.ProcessEnv): string[] {
  const { error } = configSchema.validate(environment, configValidationOptions);
  return error ? error.details.map((detail) => detail.message) : [];
}

/** The names Express (proxy-addr) knows for address ranges. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The text of TRUST_PROXY as Express takes it, or undefined when Express would refuse it
 * or read it differently ("true" as a string would be taken for an address).
 */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  const value = text.trim();
  if (value.toLowerCase() === 'true') return true;
  if (value.toLowerCase() === 'false') return false;
  if (/^\d{1,3}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  return entries.every(isTrustedProxyEntry) ? entries : undefined;
}

function isTrustedProxyEntry(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || address.includes('%') || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // Express (proxy-addr) refuses a prefix of 0 as well as one past the address's length.
  return (
    /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (version === 4 ? 32 : 128)
  );
}
