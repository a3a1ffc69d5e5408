import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { CommonMessagesProvider } from '../components/common-messages';
import { getI18n } from '../i18n/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getI18n();
  return {
    title: { default: m.common.appName, template: `%s · ${m.common.appName}` },
    description: m.common.description,
  };
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#171b22' },
  ],
};

// The document in the user's language (their profile's, else the browser's). Signed-in pages add the app
// shell in (app)/layout.tsx, the sign-in and other one-task pages a simple header in (auth)/layout.tsx.
export default async function RootLayout({ children }: { readonly children: ReactNode }) {
  const { locale, m } = await getI18n();
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {m.common.skipToContent}
        </a>
        <CommonMessagesProvider messages={m.common}>{children}</CommonMessagesProvider>
      </body>
    </html>
  );
}
