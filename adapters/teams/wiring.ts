import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Runtime } from '../../src/cli/runtime.ts';
import { MESSAGES } from '../../src/reply/messages.ts';
import type { Config } from '../config.ts';
import { NhiemvuTeamsBot } from './bot.ts';
import { bridgeResponse, toBotRequest } from './http-bridge.ts';
import { createTeamsSender, type TeamsSender } from './proactive.ts';

export interface TeamsWiring {
  /** POST /api/messages */
  handle(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
  sender: TeamsSender;
  authEnabled: boolean;
}

/** Why the endpoint stays off, or null when it is served. Production never serves it without authentication. */
export function teamsDisabledReason(config: Config): string | null {
  if (config.MicrosoftAppId || config.NODE_ENV !== 'production') return null;
  return 'MicrosoftAppId is empty: /api/messages is not served in production without authentication';
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

function isActivity(body: unknown): body is { type: string } {
  return typeof body === 'object' && body !== null && typeof (body as { type?: unknown }).type === 'string';
}

export function createTeams(config: Config, runtime: Runtime, logger: Logger): TeamsWiring {
  const adapter = cloudAdapterFor(config);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'teams: turn failed');
    // Sending the apology can itself fail (bot removed: 403); that must not become a second error.
    await context.sendActivity(MESSAGES.internalError).catch(() => undefined);
  };
  const bot = new NhiemvuTeamsBot({
    db: runtime.db,
    assistant: runtime.assistant,
    logger,
    clock: runtime.clock,
  });
  const appId = config.MicrosoftAppId ?? '';
  return {
    authEnabled: appId !== '',
    sender: createTeamsSender({ adapter, appId, db: runtime.db, logger, clock: runtime.clock }),
    async handle(request, reply) {
      // The SDK throws on an activity without a type before it even checks authentication (and an unhandled
      // rejection would end the process): such bodies are refused here.
      if (!isActivity(request.body)) {
        logger.warn({ ip: request.ip }, 'teams: malformed activity refused');
        return reply.status(400).send({ error: 'malformed activity: an object with a "type" is required' });
      }
      const bridged = bridgeResponse(request);
      try {
        await adapter.process(toBotRequest(request), bridged.response, (context) => bot.run(context));
      } catch (error) {
        logger.warn({ err: error, ip: request.ip }, 'teams: activity refused');
        if (!bridged.ended()) return reply.status(400).send({ error: 'malformed activity' });
      }
      return bridged.sendTo(reply);
    },
  };
}
