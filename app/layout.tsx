import type { Metadata, Viewport } from "next";
import { I18nProvider } from "@/components/i18n-provider";
import { BRAND_ASSETS } from "@/lib/brand-assets";
import { getDictionary } from "@/lib/i18n/get-dictionary";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return {
    title: { default: t.app.name, template: `%s · ${t.app.name}` },
    description: t.app.tagline,
    manifest: BRAND_ASSETS.manifest,
    icons: {
      icon: [
        { url: BRAND_ASSETS.favicon, sizes: "16x16 32x32 48x48" },
        { url: BRAND_ASSETS.logo, type: "image/svg+xml" },
        { url: BRAND_ASSETS.icon192, sizes: "192x192", type: "image/png" },
      ],
      apple: [{ url: BRAND_ASSETS.appleTouchIcon, sizes: "180x180" }],
    },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#07c160" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getDictionary();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <I18nProvider locale={locale} t={t}>
          {children}
        </I18nProvider>
      </body>
    </html>
  );
}
