import { useLocalSearchParams } from 'expo-router';
import { Text } from 'react-native';

import { AuthLayout, authStyles } from '../components/auth-layout';
import { TextLink } from '../components/text-link';
import { useT } from '../i18n/i18n';
import { useTheme } from '../theme';

/** After sign-up: the account exists but signs in only once the emailed link was opened. */
export function CheckEmailScreen() {
  const t = useT();
  const theme = useTheme();
  const { email } = useLocalSearchParams<{ email?: string }>();
  return (
    <AuthLayout title={t('checkEmail.title')}>
      <Text style={[authStyles.hint, { color: theme.text }]}>{t('checkEmail.sent', { email: email ?? t('checkEmail.yourAddress') })}</Text>
      <Text style={[authStyles.hint, { color: theme.mutedText }]}>{t('checkEmail.hint')}</Text>
      <TextLink title={t('checkEmail.toSignIn')} href="/sign-in" replace />
    </AuthLayout>
  );
}
