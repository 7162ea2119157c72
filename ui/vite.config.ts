import { defineConfig } from "vite";

// Preact's JSX through esbuild's automatic runtime: no Babel plugin, so the build stays fast
// enough to run on every `npm install`.
export default defineConfig({
  base: "/",
  esbuild: { jsx: "automatic", jsxImportSource: "preact" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Hashed file names let the server cache assets for a year; index.html is never cached.
    assetsDir: "assets",
    reportCompressedSize: true,
  },
  server: {
    // `npm run ui:dev` serves the UI with live reload against `npm start` on port 8080.
    proxy: { "/api": "http://localhost:8080" },
  },
});
