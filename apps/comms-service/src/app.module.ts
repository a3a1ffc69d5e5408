import { PlatformModule, type ServiceRuntime } from '@msp/platform';
import { Module, type DynamicModule, type OnApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CommsGrpc } from './comms.grpc.js';
import { COMMS_SETTINGS, type CommsSettings } from './comms-settings.js';
import type { CommsConfig } from './config.js';
import { COMMS_INBOX, COMMS_QUEUE, CommsEventsConsumer } from './consumers/comms-events.consumer.js';
import { EventOutcomes } from './consumers/event-outcomes.js';
import { DeliveriesGrpc } from './deliveries/deliveries.grpc.js';
import { DeliveriesRepository } from './deliveries/deliveries.repository.js';
import { DeliveriesService } from './deliveries/deliveries.service.js';
import { DeliveryDispatcher } from './deliveries/delivery-dispatcher.js';
import { EmailQueue } from './deliveries/email-queue.js';
import { MAIL_TRANSPORT, smtpTransport } from './deliveries/mail-transport.js';
import { NotificationsGrpc } from './notifications/notifications.grpc.js';
import { NotificationsRepository } from './notifications/notifications.repository.js';
import { NotificationsService } from './notifications/notifications.service.js';
import { EmailPreferencesRepository } from './recipients/email-preferences.repository.js';
import { RecipientsRepository } from './recipients/recipients.repository.js';
import { SuppressionsRepository } from './suppression/suppressions.repository.js';
import { UnsubscribeGrpc } from './unsubscribe/unsubscribe.grpc.js';
import { UnsubscribeTokensRepository } from './unsubscribe/unsubscribe-tokens.repository.js';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service.js';
import { AccountDeletion } from './user-data/account-deletion.js';
import { UserDataGrpc } from './user-data/user-data.grpc.js';
import { UserDataService } from './user-data/user-data.service.js';

@Module({})
export class CommsAppModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly dispatcher: DeliveryDispatcher) {}

  static with(runtime: ServiceRuntime, config: CommsConfig): DynamicModule {
    const settings: CommsSettings = {
      mailFrom: config.MAIL_FROM,
      webUrl: config.WEB_URL,
      apiPublicUrl: config.API_PUBLIC_URL,
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      pollMs: config.DELIVERY_POLL_MS,
    };
    return {
      module: CommsAppModule,
      imports: [PlatformModule.forRuntime(runtime)],
      providers: [
        { provide: COMMS_SETTINGS, useValue: settings },
        { provide: COMMS_INBOX, useValue: runtime.inbox(COMMS_QUEUE) },
        {
          provide: MAIL_TRANSPORT,
          useFactory: () => smtpTransport({ url: config.SMTP_URL, maxConnections: config.SMTP_MAX_CONNECTIONS }),
        },
        RecipientsRepository,
        EmailPreferencesRepository,
        SuppressionsRepository,
        DeliveriesRepository,
        DeliveriesService,
        DeliveriesGrpc,
        DeliveryDispatcher,
        EmailQueue,
        NotificationsRepository,
        NotificationsService,
        NotificationsGrpc,
        UnsubscribeTokensRepository,
        UnsubscribeService,
        UnsubscribeGrpc,
        AccountDeletion,
        UserDataService,
        UserDataGrpc,
        CommsGrpc,
        EventOutcomes,
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
