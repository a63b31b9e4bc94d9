/**
 * Resource views as the engine's stack validation gives them: each component's registered outputs as props,
 * read back from Pulumi's mock monitor, with each resource's parent URN recorded as it registers.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ResourceView } from "../../policies/view";

interface MonitorEntry {
  urn: string;
  state: unknown;
}
interface MockMonitorLike {
  resources: Map<string, MonitorEntry>;
  registerResource(req: { getParent(): string }, callback: (err: unknown, res?: { getUrn(): string }) => void): unknown;
}

const parents = new Map<string, string>();

function monitor(): MockMonitorLike {
  return (pulumi.runtime as unknown as { getMonitor(): MockMonitorLike }).getMonitor();
}

/** Call once, after setMocks and before creating resources. */
export function recordParents(): void {
  const m = monitor();
  const original = m.registerResource.bind(m);
  m.registerResource = (req, callback) =>
    original(req, (err, res) => {
      if (res && req.getParent()) parents.set(res.getUrn(), req.getParent());
      callback(err, res);
    });
}

function toPlain(state: unknown): Record<string, unknown> {
  if (state && typeof (state as { toJavaScript?: unknown }).toJavaScript === "function") {
    return (state as { toJavaScript(): Record<string, unknown> }).toJavaScript();
  }
  return (state as Record<string, unknown>) ?? {};
}

/** Views of every resource registered so far whose name starts with `prefix`. */
export async function viewsOf(prefix: string): Promise<ResourceView[]> {
  await new Promise((done) => setTimeout(done, 50));
  const views: ResourceView[] = [];
  for (const entry of monitor().resources.values()) {
    const [type, name] = entry.urn.split("::").slice(2);
    const leafType = type.split("$").pop()!;
    if (name !== prefix && !name.startsWith(`${prefix}-`)) continue;
    views.push({ type: leafType, urn: entry.urn, name, parent: parents.get(entry.urn), props: toPlain(entry.state) });
  }
  return views;
}
