import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Runtime } from '../../src/compose/runtime.ts';
import { toFailureReply } from '../../src/reply/failure-reply.ts';
import type { Config } from '../config.ts';
import { parseActivity } from './activity-shape.ts';
import { NhiemvuTeamsBot } from './bot.ts';
import { bridgeResponse, toBotRequest } from './http-bridge.ts';
import { hostOf, isLoopbackAddress, isLoopbackServiceUrl } from './loopback.ts';
import { createTeamsSender, type TeamsSender } from './proactive.ts';
import { createOrphanReplayer } from './replay.ts';

export interface TeamsWiring {
  /** onRequest hook of POST /api/messages: without an app id only this machine may call it (403, body unread). */
  admitPeer(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
  /** POST /api/messages */
  handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
  sender: TeamsSender;
  authEnabled: boolean;
  /** The start-up log line saying how the endpoint is protected. */
  mode: string;
  /** Answers the activities a stopped server stored but never answered; resolves with how many were answered. */
  replayOrphans(): Promise<number>;
}

export interface TeamsOptions {
  /** How long to wait before looking again for activities a just-killed server left (tests shorten it). */
  orphanRecheckMs?: number;
}

/** The start-up log line: which protection is on. */
export function teamsMode(config: Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppType'>): string {
  if (!config.MicrosoftAppId)
    return (
      'Teams: chưa có MicrosoftAppId — /api/messages chỉ nhận yêu cầu từ chính máy này (loopback), không xác thực; ' +
      'câu trả lời chỉ được gửi tới serviceUrl trên máy này.'
    );
  const type = config.MicrosoftAppType ?? 'MultiTenant';
  return `Teams: xác thực Bot Framework (MicrosoftAppId ${config.MicrosoftAppId}, ${type}).`;
}

export function authOptions(
  config: Partial<
    Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>
  >,
): ConfigurationBotFrameworkAuthenticationOptions {
  // Only the Bot Framework's own names; the SDK treats a missing app id as "authentication off".
  return {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  } as ConfigurationBotFrameworkAuthenticationOptions;
}

/** A CloudAdapter with Bot Framework authentication from these settings (off when the app id is empty). */
export function cloudAdapterFor(settings: Parameters<typeof authOptions>[0]): CloudAdapter {
  return new CloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions(settings)));
}

const NOT_LOCAL_PEER = 'no MicrosoftAppId: only this machine may call /api/messages';
const NOT_LOCAL_SERVICE_URL = 'no MicrosoftAppId: replies go only to a serviceUrl on this machine';

export function createTeams(
  config: Config,
  runtime: Runtime,
  logger: Logger,
  instanceId: string,
  options: TeamsOptions = {},
): TeamsWiring {
  const adapter = cloudAdapterFor(config);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'teams: turn failed');
    // Sending the apology can itself fail (bot removed: 403); that must not become a second error.
    await context.sendActivity(toFailureReply(error)).catch(() => undefined);
  };
  const { db, clock } = runtime;
  const bot = new NhiemvuTeamsBot({ db, assistant: runtime.assistant, logger, clock, instanceId });
  const appId = config.MicrosoftAppId ?? '';
  const authEnabled = appId !== '';
  const refuse = (reply: FastifyReply, ip: string, why: string, fields: Record<string, string> = {}) => {
    // One line, never the body or its headers: they may carry tokens.
    logger.warn({ ip, ...fields }, `teams: request refused (${why})`);
    return reply.status(403).send({ error: `forbidden: ${why}` });
  };
  return {
    authEnabled,
    mode: teamsMode(config),
    sender: createTeamsSender({ adapter, appId, db, logger, clock }),
    replayOrphans: createOrphanReplayer({
      adapter,
      appId,
      bot,
      db,
      logger,
      clock,
      instanceId,
      ...(options.orphanRecheckMs === undefined ? {} : { recheckMs: options.orphanRecheckMs }),
    }),
    async admitPeer(request, reply) {
      // The socket's own peer, not a forwarded-for header: a header can be written by anyone.
      const peer = request.raw.socket.remoteAddress;
      if (authEnabled || isLoopbackAddress(peer)) return undefined;
      return refuse(reply, peer ?? '', NOT_LOCAL_PEER);
    },
    async handle(request, reply) {
      const parsed = parseActivity(request.body);
      if (!parsed.ok) {
        logger.warn({ ip: request.ip, reason: parsed.reason }, 'teams: malformed activity refused');
        return reply.status(400).send({ error: `malformed activity: ${parsed.reason}` });
      }
      if (!authEnabled && !isLoopbackServiceUrl(parsed.serviceUrl)) {
        return refuse(reply, request.ip, NOT_LOCAL_SERVICE_URL, { host: hostOf(parsed.serviceUrl) });
      }
      const bridged = bridgeResponse(request);
      try {
        await adapter.process(toBotRequest(request), bridged.response, (context) => bot.run(context));
      } catch (error) {
        // The SDK's own refusals; its message says what was wrong, a stack would add nothing.
        logger.warn({ ip: request.ip, reason: String(error) }, 'teams: activity refused');
        if (!bridged.ended()) return reply.status(400).send({ error: 'malformed activity' });
      }
      return bridged.sendTo(reply);
    },
  };
}
