import type { commsV1 } from '@msp/contracts';
import { Injectable } from '@nestjs/common';
import type { CallContext } from 'nice-grpc';
import { DeliveriesGrpc } from './deliveries/deliveries.grpc.js';
import { NotificationsGrpc } from './notifications/notifications.grpc.js';
import { UnsubscribeGrpc } from './unsubscribe/unsubscribe.grpc.js';
import { UserDataGrpc } from './user-data/user-data.grpc.js';

type Rpcs = commsV1.CommsServiceImplementation;

/** The one CommsService the server registers: each RPC handed to its feature's edge. */
@Injectable()
export class CommsGrpc implements Rpcs {
  constructor(
    private readonly deliveries: DeliveriesGrpc,
    private readonly notifications: NotificationsGrpc,
    private readonly unsubscribes: UnsubscribeGrpc,
    private readonly userData: UserDataGrpc,
  ) {}

  listEmailDeliveries(request: commsV1.ListEmailDeliveriesRequest, context: CallContext) {
    return this.deliveries.listEmailDeliveries(request, context);
  }

  resendEmailDelivery(request: commsV1.ResendEmailDeliveryRequest, context: CallContext) {
    return this.deliveries.resendEmailDelivery(request, context);
  }

  listNotifications(request: commsV1.ListNotificationsRequest, context: CallContext) {
    return this.notifications.listNotifications(request, context);
  }

  markNotificationRead(request: commsV1.MarkNotificationReadRequest, context: CallContext) {
    return this.notifications.markNotificationRead(request, context);
  }

  unsubscribe(request: commsV1.UnsubscribeRequest) {
    return this.unsubscribes.unsubscribe(request);
  }

  exportUserData(request: commsV1.ExportUserDataRequest, context: CallContext) {
    return this.userData.exportUserData(request, context);
  }
}
