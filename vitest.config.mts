import { defineConfig } from "vitest/config";
import { PlainSummaryReporter } from "./test/helpers/plainSummary";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Pulumi's mock runtime is process-global state: each test file runs in its own process.
    pool: "forks",
    testTimeout: 30_000,
    reporters: ["default", new PlainSummaryReporter()],
  },
});
