/**
 * What every console page gets: the signed-in person and what they may see, and the server's parts. Pages are
 * registered under /admin by `adapters/console/plugin.ts` behind the session check (adapters/console/auth.ts),
 * so a page handler always finds `request.console` set.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Runtime } from '../../src/compose/runtime.ts';
import type { Db } from '../../src/kb/open.ts';
import type { UnitNode } from '../../src/kb/unit-tree.ts';
import type { User } from '../../src/kb/users-repo.ts';

export interface ConsoleSession {
  user: User;
  /** The person's own unit, and the organisation it belongs to (the unit itself for someone at an organisation). */
  unit: UnitNode;
  org: UnitNode;
  /** An admin sees their organisation and everything under it; a lead their unit only, read-only for plans and people. */
  reach: 'organisation' | 'own_unit';
  /** The units this session may see: `org` and below for an admin, `unit` (and below) for a lead. */
  scope: UnitNode;
  /** The form token every POST of this session must carry. */
  csrf: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    console?: ConsoleSession;
  }
}

export interface ConsoleDeps {
  db: Db;
  dbPath: string;
  runtime: Runtime;
  logger: Logger;
  clock: () => Date;
  /** Links the bot hands out start with it (PUBLIC_BASE_URL). */
  publicBaseUrl: string;
  /** Secure cookies: the console is reached over https. */
  secureCookies: boolean;
}

/** A page module: registers its routes (paths under /admin) on the guarded console scope. */
export type ConsolePage = (app: FastifyInstance, deps: ConsoleDeps) => void;

/** The session of a guarded request; a page handler is never reached without one. */
export function sessionOf(request: FastifyRequest): ConsoleSession {
  if (!request.console) throw new Error('console page reached without a session');
  return request.console;
}

export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').send(body);
}
