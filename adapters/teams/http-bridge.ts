import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * CloudAdapter.process wants an express-like request and response; fastify's reply has no `end()`. The bridge
 * collects status, headers and body, and the route sends them once the adapter is done.
 */
export interface BridgedResponse {
  response: BotResponse;
  /** True once the adapter ended the response. */
  ended(): boolean;
  sendTo(reply: FastifyReply): FastifyReply;
}

export function toBotRequest(request: FastifyRequest): BotRequest {
  return {
    body: request.body as Record<string, unknown>,
    headers: request.headers as BotRequest['headers'],
    method: request.method,
  };
}

export function bridgeResponse(request: FastifyRequest): BridgedResponse {
  let status = 200;
  let body: unknown;
  let done = false;
  const headers: Record<string, string> = {};
  const response: BotResponse = {
    socket: request.raw.socket,
    status(code: number) {
      status = code;
      return response;
    },
    header(name: string, value: unknown) {
      headers[name] = String(value);
      return response;
    },
    send(value?: unknown) {
      body = value;
      return response;
    },
    end() {
      done = true;
      return response;
    },
  };
  return {
    response,
    ended: () => done,
    sendTo(reply) {
      void reply.status(status).headers(headers);
      return body === undefined ? reply.send() : reply.send(body);
    },
  };
}
