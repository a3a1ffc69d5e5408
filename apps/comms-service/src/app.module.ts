import { PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { COMMS_SETTINGS, type CommsSettings } from './comms-settings.js';
import type { CommsConfig } from './config.js';
import { COMMS_INBOX, COMMS_QUEUE, CommsEventsConsumer } from './consumers/comms-events.consumer.js';
import { DeliveriesGrpc } from './deliveries/deliveries.grpc.js';
import { DeliveriesRepository } from './deliveries/deliveries.repository.js';
import { DeliveriesService } from './deliveries/deliveries.service.js';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher.js';
import { MAIL_TRANSPORT, smtpTransport } from './deliveries/mail-transport.js';
import { RecipientsRepository } from './recipients/recipients.repository.js';

@Module({})
export class CommsAppModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly dispatcher: DeliveryDispatcher) {}

  static with(runtime: ServiceRuntime, config: CommsConfig): DynamicModule {
    const settings: CommsSettings = {
      mailFrom: config.MAIL_FROM,
      webUrl: config.WEB_URL,
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      pollMs: config.DELIVERY_POLL_MS,
    };
    return {
      module: CommsAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: COMMS_SETTINGS, useValue: settings },
        { provide: COMMS_INBOX, useValue: runtime.inbox(COMMS_QUEUE) },
        { provide: MAIL_TRANSPORT, useFactory: () => smtpTransport(config.SMTP_URL) },
        DeliveriesRepository,
        DeliveriesService,
        DeliveriesGrpc,
        DeliveryDispatcher,
        RecipientsRepository,
        CommsEventsConsumer,
      ],
    };
  }

  onApplicationBootstrap(): void {
    this.dispatcher.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
  }
}
