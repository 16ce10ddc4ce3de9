// ESLint (flat config) for every JavaScript file of the project: `make lint` runs it, with
// Prettier's check for formatting (.prettierrc.json). Browser modules run in pages and workers,
// scripts and test drivers under Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", "site/", "build/", ".venv/", ".cache/"] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "no-implicit-coercion": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { caughtErrors: "none" }],
      "prefer-const": "error",
    },
  },
  {
    // The site's modules: pages (Material's document$ observable) and workers.
    files: ["overrides/assets/**/*.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.worker, document$: "readonly" } },
  },
  {
    // A classic script: it must define `mermaid` before Material's deferred bundle runs.
    files: ["overrides/assets/javascripts/mermaid-loader.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    // BUILD is the manifest static_host.py writes in front of the service worker.
    files: ["overrides/service-worker.js"],
    languageOptions: { globals: { ...globals.serviceworker, BUILD: "readonly" } },
  },
  {
    files: ["scripts/**/*.mjs", "tests/**/*.mjs", "tests/**/*.js", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
];
