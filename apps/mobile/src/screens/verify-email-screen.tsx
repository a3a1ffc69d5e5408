import { useLocalSearchParams } from 'expo-router';
import { useEffect, useState } from 'react';
import { ActivityIndicator, Text } from 'react-native';

import { describeError } from '../api/error-messages';
import { AlertMessage } from '../components/alert-message';
import { AuthLayout, authStyles } from '../components/auth-layout';
import { TextLink } from '../components/text-link';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session-provider';
import { useTheme } from '../theme';

type State = { kind: 'verifying' } | { kind: 'verified' } | { kind: 'failed'; message: string };

/** Opened from the verification link (msp://verify-email?token=…): redeems the token once. */
export function VerifyEmailScreen() {
  const t = useT();
  const theme = useTheme();
  const { client } = useSession();
  const { token } = useLocalSearchParams<{ token?: string }>();
  const [state, setState] = useState<State>({ kind: 'verifying' });

  useEffect(() => {
    let active = true;
    if (!token) {
      setState({ kind: 'failed', message: t('verifyEmail.noToken') });
      return;
    }
    client.verifyEmail(token).then(
      () => active && setState({ kind: 'verified' }),
      (error: unknown) => active && setState({ kind: 'failed', message: describeError(error, t) }),
    );
    return () => {
      active = false;
    };
    // The token is redeemed once per link; a language change must not send it again.
  }, [client, token]);

  return (
    <AuthLayout title={t('verifyEmail.title')}>
      {state.kind === 'verifying' ? <ActivityIndicator accessibilityLabel={t('verifyEmail.verifying')} color={theme.primary} /> : null}
      {state.kind === 'verified' ? <Text style={[authStyles.hint, { color: theme.text }]}>{t('verifyEmail.done')}</Text> : null}
      {state.kind === 'failed' ? <AlertMessage message={state.message} /> : null}
      <TextLink title={t('checkEmail.toSignIn')} href="/sign-in" replace />
    </AuthLayout>
  );
}
