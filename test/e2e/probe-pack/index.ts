/** Records, into $AICLUSTER_PROBE_OUT, what validateResource and validateStack receive for aicluster components. */
import * as fs from "fs";
import * as path from "path";
import { PolicyPack } from "@pulumi/policy";

const out = process.env.AICLUSTER_PROBE_OUT ?? ".";

new PolicyPack("aicluster-probe", {
  policies: [
    {
      name: "probe-resource",
      description: "Records resource-policy props of the campus.",
      enforcementLevel: "advisory",
      validateResource: (args) => {
        if (args.type === "aicluster:index:Campus") fs.writeFileSync(path.join(out, "resource.json"), JSON.stringify(args.props));
      },
    },
    {
      name: "probe-stack",
      description: "Records stack-policy resources.",
      enforcementLevel: "advisory",
      validateStack: (args) => {
        const seen = args.resources
          .filter((r) => r.type.startsWith("aicluster:"))
          .map((r) => ({ type: r.type, urn: r.urn, name: r.name, parent: r.parent?.urn, props: r.props }));
        fs.writeFileSync(path.join(out, "stack.json"), JSON.stringify(seen));
      },
    },
  ],
});
