import 'reflect-metadata';
import { runUntilSignal } from '@msp/platform';
import { startEmbeddedPlatform } from './embedded-platform.js';

const startedAt = performance.now();
const platform = await startEmbeddedPlatform();
const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
const { urls } = platform;
const lines = [
  '',
  `Mega Solution Platform is ready (${seconds} s):`,
  ...(urls.web ? [`  Web app       ${urls.web}`] : []),
  `  API gateway   ${urls.gateway}   (docs: ${urls.gateway}/api/docs)`,
  ...(urls.inbox ? [`  Dev inbox     ${urls.inbox}   (all email sent by the platform lands here)`] : [`  SMTP          ${urls.smtp}`]),
  ...(urls.paymentSandbox
    ? [`  Payments      ${urls.paymentSandbox}   (payment sandbox: Stripe API subset, test cards such as pm_card_visa)`]
    : []),
  ...(platform.generatedAdminPassword
    ? [`  Administrator created with the generated password ${platform.generatedAdminPassword} (shown once)`]
    : []),
  'Press Ctrl-C to stop.',
  '',
];
console.log(lines.join('\n'));
runUntilSignal(platform.stop);
