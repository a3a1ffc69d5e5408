import { Stack } from 'expo-router';

export const unstable_settings = {
  // Where the router lands when the session ends, whatever signed-out screen was asked for.
  initialRouteName: 'sign-in',
};

export default function AuthLayout() {
  return <Stack screenOptions={{ headerShown: false }} />;
}
