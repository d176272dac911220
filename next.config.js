/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    authInterrupts: true, // forbidden() for signed-in users without the permission
    serverActions: { bodySizeLimit: "11mb" }, // permanent images of up to 10 MB (lib/media), poster backgrounds up to 5 MB, promoter imports up to 2 MB
  },
  // Native modules and the Prisma runtime are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ["libsql", "@node-rs/argon2", "pg", "@prisma/adapter-pg", "@prisma/client"],
  // Type checking and linting run as their own steps of `npm test`.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      {
        // Versioned brand files (public/brand/<version>/, lib/brand-assets.ts): a changed file gets a new folder.
        source: "/brand/:path*",
        headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }],
      },
      {
        // Fixed names that browsers ask for by convention: cached a day, so a new icon shows up tomorrow.
        source: "/:file(favicon.ico|manifest.webmanifest)",
        headers: [{ key: "Cache-Control", value: "public, max-age=86400" }],
      },
      {
        // API answers (JSON, CSV, XML, WeChat's plain text) are never documents: if one is ever
        // opened as a page, it may load, run and frame nothing. Pages get theirs from proxy.ts.
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; sandbox" }],
      },
      {
        // Promoters' private pages: the secret in the URL must not leak through referrers or search engines.
        source: "/p/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex, nofollow" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
