import { Badge, type BadgeTone } from '../../../../../components/page-parts';
import type { Messages } from '../../../../../i18n/messages';

const TONES: Record<string, BadgeTone> = {
  succeeded: 'success',
  failed: 'danger',
  refunded: 'warning',
  processing: 'accent',
  pending: 'neutral',
};

export function PaymentStatus({ status, m }: { readonly status: string; readonly m: Messages['billing'] }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{m.statuses[status] ?? status}</Badge>;
}
