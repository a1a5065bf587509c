import * as Joi from 'joi';

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
}

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
});

export const configValidationOptions: Joi.ValidationOptions = {
  allowUnknown: true,
  abortEarly: false,
  errors: { wrap: { label: false } },
};

/** Each problem with the environment, as a sentence naming the variable; empty when it is fine. */
export function configurationProblems(environment: NodeJS.ProcessEnv): string[] {
  const { error } = configSchema.validate(environment, configValidationOptions);
  return error ? error.details.map((detail) => detail.message) : [];
}
