import { useState } from 'react';
import { Text } from 'react-native';

import { AlertMessage } from '../components/alert-message';
import { AuthLayout, authStyles } from '../components/auth-layout';
import { PrimaryButton } from '../components/primary-button';
import { TextLink } from '../components/text-link';
import { EmailField } from '../features/auth/auth-fields';
import { useFormSubmit } from '../features/auth/use-form-submit';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session-provider';
import { useTheme } from '../theme';

export function ForgotPasswordScreen() {
  const t = useT();
  const theme = useTheme();
  const { client } = useSession();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useFormSubmit();

  const send = () =>
    form.submit(
      () => ({ email: email.trim() ? undefined : t('signIn.emailMissing') }),
      async () => {
        await client.forgotPassword(email.trim());
        setSent(true);
      },
    );

  return (
    <AuthLayout title={t('forgot.title')}>
      {sent ? (
        // The gateway answers 202 whether or not the address has an account, and so does this text.
        <Text accessibilityLiveRegion="polite" style={[authStyles.hint, { color: theme.text }]}>
          {t('forgot.sent')}
        </Text>
      ) : (
        <>
          <Text style={[authStyles.hint, { color: theme.mutedText }]}>{t('forgot.hint')}</Text>
          <EmailField form={form} value={email} onChangeText={setEmail} onSubmitEditing={send} />
          {form.generalError ? <AlertMessage message={form.generalError} /> : null}
          <PrimaryButton title={t('forgot.submit')} onPress={send} busy={form.pending} />
        </>
      )}
      <TextLink title={t('checkEmail.toSignIn')} href="/sign-in" replace />
    </AuthLayout>
  );
}
