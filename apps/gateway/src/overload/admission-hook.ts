import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problemTypeOf, titleOf } from '../http/problem.js';
import { AdmissionControl, type AdmissionLimits } from './admission-control.js';

/** Probes and scrapes must answer even (especially) when the gateway is saturated. */
const EXEMPT = /^\/(?:health\/|metrics(?:$|\?))/;

/** Seconds a shed client should wait: long enough to let the queue drain, short enough to be cheap. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Admission control as the very first hook, before body parsing, authentication, rate-limit
 * counters or any gRPC call: a refused request costs the gateway almost nothing. The slot is given
 * back when the response is finished or the client went away.
 */
export function installAdmissionControl(fastify: FastifyInstance, limits: AdmissionLimits): AdmissionControl {
  const admission = new AdmissionControl(limits);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (EXEMPT.test(request.url)) return;
    const release = await admission.enter();
    if (!release) return refuse(request, reply);
    // 'close' fires once the response is done or the connection dropped, whichever comes first.
    reply.raw.once('close', release);
  });
  return admission;
}

function refuse(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = {
    type: problemTypeOf('OVERLOADED'),
    title: titleOf(503),
    status: 503,
    detail: 'The service is busy. Try again shortly.',
    code: 'OVERLOADED',
    correlationId: request.id,
  };
  return reply
    .status(503)
    .headers({
      'retry-after': String(RETRY_AFTER_SECONDS),
      'cache-control': 'no-store',
      'content-type': 'application/problem+json',
      'x-request-id': request.id,
    })
    .send(Buffer.from(JSON.stringify(body)));
}
