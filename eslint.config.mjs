// ESLint 9 flat config: typescript-eslint's rules that need no type information (fast), import cycles, and the
// layer map of docs/architecture.md as import rules. Tests may import anything.
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import globals from "globals";
import tseslint from "typescript-eslint";

const resolverMessage = "a module does not import another module's resolver: share a service, a loader (*.loaders.ts) or a type instead";

export default tseslint.config(
  {
    ignores: ["node_modules/", "build/", "dist/", "data/", "coverage/", "test-output/", "schema/", "bench/results/", "docs/screenshots/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".js", ".mjs", ".cjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // `_name` marks a parameter a signature needs but the body does not use
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // type-graphql and TypeORM take classes as `Function` (resolvers, entities, types): their own signatures
      "@typescript-eslint/no-unsafe-function-type": "off",
    },
  },
  {
    // tests read GraphQL results as plain JSON; the shared operations (test/harness/operations.ts) carry types
    files: ["test/**", "bench/**", "demo/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["dashboard/src/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },

  // The layer map
  {
    files: ["src/api/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ regex: "(^|/)modules(/|$)", message: "src/api does not import src/modules: the composition root wires resolvers in" }],
        },
      ],
    },
  },
  {
    files: ["src/modules/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // `./x.resolver` (the module's own) is fine; `../other/x.resolver` is another module's
          patterns: [{ regex: "^(\\.\\./)+(modules/)?[^./][^/]*/(.+/)?[^/]+\\.resolver$", message: resolverMessage }],
        },
      ],
    },
  },
  {
    files: ["plugins/**/*.ts"],
    // a plugin's sandbox is a separate fake platform server, not plugin code (test/architecture/plugins.test.ts excludes it too)
    ignores: ["plugins/*/sandbox/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)src(/(?!plugin(/index)?$).*)?$",
              message: "a plugin imports only the plugin SDK (src/plugin, later `selvedge/plugin`), never the host's internals",
            },
          ],
        },
      ],
    },
  },
);
