import { useState } from 'react';
import { KeyboardAvoidingView, Platform, ScrollView, StyleSheet, Text } from 'react-native';

import { describeError, fieldMessages } from '../api/error-messages';
import type { GatewayClient } from '../api/gateway-client';
import { AlertMessage } from '../components/alert-message';
import { PrimaryButton } from '../components/primary-button';
import { TextField } from '../components/text-field';
import { useTheme } from '../theme';

interface Props {
  client: GatewayClient;
  onSignedIn: () => void;
}

type FieldErrors = Partial<Record<'email' | 'password' | 'code', string>>;

export function SignInScreen({ client, onSignedIn }: Props) {
  const theme = useTheme();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  // Present once the gateway asked for a second factor; it replaces the password step.
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [generalError, setGeneralError] = useState<string | null>(null);

  async function run(check: () => FieldErrors, request: () => Promise<void>, unauthorized: string) {
    const missing = check();
    setFieldErrors(missing);
    setGeneralError(null);
    // Empty fields are caught here: the gateway would reject them anyway, and a round trip costs time.
    if (Object.keys(missing).length > 0) return;
    setPending(true);
    try {
      await request();
    } catch (error) {
      const fields = fieldMessages(error);
      setFieldErrors(fields);
      // Field problems are shown under their fields; repeating them in the banner would only add noise.
      if (Object.keys(fields).length === 0) setGeneralError(describeError(error, unauthorized));
      setPending(false);
    }
  }

  const signIn = () =>
    run(
      () => ({
        ...(email.trim() ? {} : { email: 'Enter your email.' }),
        ...(password ? {} : { password: 'Enter your password.' }),
      }),
      async () => {
        const result = await client.login(email.trim(), password);
        if (result.kind === 'mfa-required') {
          setMfaToken(result.mfaToken);
          setPending(false);
        } else {
          onSignedIn();
        }
      },
      'Email or password is incorrect.',
    );

  const verify = (token: string) =>
    run(
      () => (code.trim() ? {} : { code: 'Enter the code from your authenticator app or a recovery code.' }),
      async () => {
        await client.verifyMfa(token, code.trim());
        onSignedIn();
      },
      'That code is not valid or has expired.',
    );

  function startOver() {
    setMfaToken(null);
    setCode('');
    setPassword('');
    setFieldErrors({});
    setGeneralError(null);
  }

  return (
    <KeyboardAvoidingView
      style={[styles.screen, { backgroundColor: theme.background }]}
      behavior={Platform.OS === 'ios' ? 'padding' : undefined}
    >
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <Text accessibilityRole="header" style={[styles.title, { color: theme.text }]}>
          {mfaToken === null ? 'Sign in' : 'Two-step verification'}
        </Text>
        {mfaToken === null ? (
          <>
            <TextField
              label="Email"
              value={email}
              onChangeText={setEmail}
              error={fieldErrors.email}
              editable={!pending}
              autoCapitalize="none"
              autoComplete="email"
              keyboardType="email-address"
              textContentType="username"
            />
            <TextField
              label="Password"
              value={password}
              onChangeText={setPassword}
              error={fieldErrors.password}
              editable={!pending}
              secureTextEntry
              autoComplete="current-password"
              textContentType="password"
              onSubmitEditing={signIn}
            />
            {generalError ? <AlertMessage message={generalError} /> : null}
            <PrimaryButton title="Sign in" onPress={signIn} busy={pending} />
          </>
        ) : (
          <>
            <Text style={[styles.hint, { color: theme.mutedText }]}>
              Enter the code from your authenticator app, or one of your recovery codes.
            </Text>
            <TextField
              label="Authentication code"
              value={code}
              onChangeText={setCode}
              error={fieldErrors.code}
              editable={!pending}
              autoCapitalize="none"
              autoComplete="one-time-code"
              textContentType="oneTimeCode"
              onSubmitEditing={() => verify(mfaToken)}
            />
            {generalError ? <AlertMessage message={generalError} /> : null}
            <PrimaryButton title="Verify" onPress={() => verify(mfaToken)} busy={pending} />
            <PrimaryButton title="Use a different account" onPress={startOver} disabled={pending} variant="outlined" />
          </>
        )}
      </ScrollView>
    </KeyboardAvoidingView>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1 },
  content: { flexGrow: 1, justifyContent: 'center', padding: 24, gap: 16, maxWidth: 480, width: '100%', alignSelf: 'center' },
  title: { fontSize: 28, fontWeight: '700' },
  hint: { fontSize: 15 },
});
