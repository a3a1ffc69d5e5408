import { startEmbeddedProcess } from '@msp/testing';
import { billingEnv, billingSuite } from '../billing-suite.js';

billingSuite('embedded platform', async () => {
  const embedded = await startEmbeddedProcess({ env: billingEnv });
  return {
    gatewayUrl: embedded.gatewayUrl,
    inboxUrl: embedded.inboxUrl,
    paymentSandboxUrl: embedded.paymentSandboxUrl,
    output: embedded.output,
    stop: embedded.stop,
  };
});
