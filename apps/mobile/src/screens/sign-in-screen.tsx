import { useState } from 'react';
import { Text } from 'react-native';

import { AlertMessage } from '../components/alert-message';
import { AuthLayout, authStyles } from '../components/auth-layout';
import { PrimaryButton } from '../components/primary-button';
import { TextField } from '../components/text-field';
import { TextLink } from '../components/text-link';
import { EmailField, PasswordField } from '../features/auth/auth-fields';
import { useFormSubmit } from '../features/auth/use-form-submit';
import { useT } from '../i18n/i18n';
import { useSession } from '../session/session-provider';
import { useTheme } from '../theme';

export function SignInScreen() {
  const theme = useTheme();
  const t = useT();
  const { client, signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Present once the gateway asked for a second factor; it replaces the password step.
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const form = useFormSubmit();

  const signIn = () =>
    form.submit(
      () => ({
        email: email.trim() ? undefined : t('signIn.emailMissing'),
        password: password ? undefined : t('signIn.passwordMissing'),
      }),
      async () => {
        const result = await client.login(email.trim(), password);
        if (result.kind === 'mfa-required') setMfaToken(result.mfaToken);
        else signedIn();
      },
      'signIn.wrongCredentials',
    );

  const verify = (token: string) =>
    form.submit(
      () => ({ code: code.trim() ? undefined : t('mfa.codeMissing') }),
      async () => {
        await client.verifyMfa(token, code.trim());
        signedIn();
      },
      'mfa.wrongCode',
    );

  function startOver() {
    setMfaToken(null);
    setCode('');
    setPassword('');
    form.reset();
  }

  if (mfaToken !== null) {
    return (
      <AuthLayout title={t('mfa.title')}>
        <Text style={[authStyles.hint, { color: theme.mutedText }]}>{t('mfa.hint')}</Text>
        <TextField
          label={t('mfa.code')}
          value={code}
          onChangeText={setCode}
          error={form.fieldErrors.code}
          editable={!form.pending}
          autoCapitalize="none"
          autoComplete="one-time-code"
          textContentType="oneTimeCode"
          onSubmitEditing={() => verify(mfaToken)}
        />
        {form.generalError ? <AlertMessage message={form.generalError} /> : null}
        <PrimaryButton title={t('mfa.verify')} onPress={() => verify(mfaToken)} busy={form.pending} />
        <PrimaryButton title={t('mfa.otherAccount')} onPress={startOver} disabled={form.pending} variant="outlined" />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t('signIn.title')}>
      <EmailField form={form} value={email} onChangeText={setEmail} textContentType="username" />
      <PasswordField form={form} purpose="current" value={password} onChangeText={setPassword} onSubmitEditing={signIn} />
      {form.generalError ? <AlertMessage message={form.generalError} /> : null}
      <PrimaryButton title={t('signIn.submit')} onPress={signIn} busy={form.pending} />
      <TextLink title={t('signIn.forgot')} href="/forgot-password" />
      <TextLink title={t('signIn.toSignUp')} href="/sign-up" />
      <TextLink title={t('settings.open')} href="/settings" />
    </AuthLayout>
  );
}
