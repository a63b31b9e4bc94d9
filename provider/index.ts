/** Entry point of the component package plugin: serves the components over gRPC to the Pulumi engine. */
import { componentProviderHost } from "@pulumi/pulumi/provider/experimental";
import { components, PACKAGE_NAME } from "./components";

componentProviderHost({ components, name: PACKAGE_NAME, dirname: __dirname }).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
