import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ShiftableClock, systemClock, type Clock } from './clock';
import type { ApiErrorBody } from '#common';
import type { Config } from './config';
import type { Db } from './db/database';
import { sessionCookieName } from './http/auth-guard';
import type { AccountRow } from './db/schema';
import { resolveActor } from './modules/auth/actor-directory';
import { dbRateLimitStore } from './http/db-rate-limit-store';
import { refuseUnsafeText } from './http/text-guard';
import { registerErrorHandler } from './http/error-handler';
import { registerLoadShedding, type DatabaseWaiting } from './http/load-shedding';
import { limitPasswordWork } from './modules/auth/password-hasher';
import { accountRoutes } from './modules/account/account.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { healthRoutes } from './modules/health/health.routes';
import { createConsoleSmsProvider, createTencentSmsProvider, type SmsProvider } from './modules/sms/sms.provider';
import { smsRoutes } from './modules/sms/sms.routes';
import { unitRoutes } from './modules/units/units.routes';
import { createServices } from './services';
import { organisationRoutes } from './modules/organisations/organisation.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import type { FileStorage } from './modules/storage/file-storage';
import { fileRoutes } from './modules/storage/file.routes';
import { supervisionRoutes } from './modules/supervision/supervision.routes';
import { unitInfoRoutes } from './modules/units/unit-info.routes';
import { applicantRoutes } from './modules/applicants/applicant.routes';
import { messageRoutes } from './modules/messages/message.routes';
import { peopleRoutes } from './modules/units/people.routes';
import { applicationRoutes } from './modules/applications/application.routes';
import { reviewRoutes } from './modules/review/review.routes';
import { sheetRoutes } from './modules/sheet/sheet.routes';
import { certificateRoutes } from './modules/certificates/certificate.routes';
import { yppmRoutes } from './modules/yppm/yppm.routes';
import { committeeWorkRoutes } from './modules/committee-work/committee-work.routes';
import { createNotifier, type Notifier } from './modules/notifications/notifier';
import { createFileSweeper, type FileSweeper } from './modules/storage/orphan-sweeper';
import { useAuditChainKey } from './modules/audit/audit-chain';
import { twoFactorRoutes } from './modules/two-factor/two-factor.routes';

// Validation messages in Chinese wherever a schema does not give its own.
z.config(z.locales.zhCN());

declare module 'fastify' {
  interface FastifyInstance {
    notifier: Notifier;
    fileSweeper: FileSweeper;
  }
}

export interface AppDeps {
  config: Config;
  db: Db;
  clock?: Clock;
  smsProvider?: SmsProvider;
  storage?: FileStorage;
  logger?: boolean | object;
  /** The PostgreSQL pool's waiting requests, for load shedding (DatabaseHandle.waiting). */
  databaseWaiting?: DatabaseWaiting;
}

/**
 * A path the router cannot decode (a broken or overlong escape) or a too long parameter is refused
 * before any route or error handler runs: answer it in the API's error shape, not Fastify's English one.
 */
function refuseUnreadableUrl(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode === 414 ? 414 : 400;
  const body: ApiErrorBody = {
    code: 'VALIDATION_FAILED',
    message: status === 414 ? '请求地址过长' : '请求地址格式不正确',
    requestId: request.id,
  };
  void reply.status(status).send(body);
}

const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const clock = deps.clock ?? (config.testClockControl ? new ShiftableClock() : systemClock);
  const { trustProxy } = config;
  const app = Fastify({
    logger: deps.logger ?? { level: config.logLevel },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // A number of hops trusts that many peers whatever their address (the server must be reachable only
    // through the proxy); a list trusts those addresses only. Either way the left-most entries, which the
    // client can write itself, are not believed.
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    bodyLimit: config.bodyLimit,
    frameworkErrors: refuseUnreadableUrl,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // First of the onRequest hooks: a request refused for load reads no session and takes no connection.
  await registerLoadShedding(app, config.load, deps.databaseWaiting);
  limitPasswordWork(config.load.maxPasswordChecks, config.load.retryAfterSeconds);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  const smsProvider =
    deps.smsProvider ??
    (config.sms.provider === 'tencent'
      ? await createTencentSmsProvider(config.sms)
      : createConsoleSmsProvider(db, clock, (m) => app.log.info(m)));
  const notifier = createNotifier(
    db,
    clock,
    smsProvider,
    { sms: config.smsNotify, maxAttempts: config.smsNoticeMaxAttempts },
    app.log,
  );
  app.decorate('notifier', notifier);
  app.addHook('onClose', () => notifier.stop());
  // A change's notices reach 我的消息 before its answer does, and its SMS get a first try; whatever is
  // left (a server stopped between the commit and here, an SMS to retry) the notifier's rounds deliver.
  app.addHook('onSend', async (request, reply) => {
    if (!stateChanging.has(request.method) || !request.url.startsWith('/api/')) return;
    // A refused or failed request changed nothing; while the database is away, trying would only hold
    // its 503 for another timeout.
    if (reply.statusCode >= 400) return;
    try {
      await notifier.afterChange();
    } catch (error) {
      request.log.error({ err: error }, 'notice delivery failed; the notifier will retry');
    }
  });
  useAuditChainKey(config.auditChainKey);
  const services = createServices(db, clock, config, { smsProvider, storage: deps.storage });
  const fileSweeper = createFileSweeper(
    db,
    services.storage,
    clock,
    { fileGraceMinutes: 60, rowGraceHours: 24 },
    app.log,
  );
  app.decorate('fileSweeper', fileSweeper);
  app.addHook('onClose', () => fileSweeper.stop());

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Element Plus positions popovers and dialogs with inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(csrf, { cookieOpts: { path: '/', httpOnly: true, sameSite: 'lax' } });
  await app.register(multipart, { limits: { fileSize: config.uploads.maxBytes, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false, store: dbRateLimitStore(db, clock) });

  app.decorate('actorDirectory', (account: AccountRow, ip: string | null) => resolveActor(db, account, ip));
  app.decorateRequest('actorPromise', null);
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionState', 'none');
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (stateChanging.has(request.method)) {
      await new Promise<void>((done, fail) => {
        app.csrfProtection(request, reply, (error?: Error) => (error ? fail(error) : done()));
      });
    }
    request.actorPromise = null;
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    const lookup = await services.sessions.resolve(token);
    request.sessionState = lookup.status;
    request.auth = lookup.status === 'active' ? lookup.session : null;
  });

  await app.register(swagger, {
    openapi: { info: { title: 'zhicheng 职称申报管理系统 API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      api.addHook('preValidation', refuseUnsafeText);
      for (const routes of [
        healthRoutes,
        authRoutes,
        smsRoutes,
        accountRoutes,
        unitRoutes,
        adminRoutes,
        referenceRoutes,
        unitInfoRoutes,
        organisationRoutes,
        supervisionRoutes,
        fileRoutes,
        applicantRoutes,
        peopleRoutes,
        messageRoutes,
        applicationRoutes,
        reviewRoutes,
        sheetRoutes,
        certificateRoutes,
        yppmRoutes,
        twoFactorRoutes,
        committeeWorkRoutes,
      ]) {
        await api.register(routes(services));
      }
    },
    { prefix: '/api' },
  );

  const webRoot = resolve(config.webDistDir);
  if (existsSync(resolve(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  return app;
}
