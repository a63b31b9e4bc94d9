/** Pulumi mock runtime for tests: records every registered resource. Import code under test only after installMocks(). */
import * as pulumi from "@pulumi/pulumi";

export interface Registered {
  type: string;
  name: string;
  custom: boolean;
  inputs: Record<string, unknown>;
}

export function installMocks(): Registered[] {
  const registered: Registered[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, custom: args.custom ?? false, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "aicluster-test",
    "test",
    true,
  );
  return registered;
}

/** The value inside an Output (mocks resolve everything). */
export function resolve<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((done) => output.apply((v) => done(v)));
}

/** Waits until registrations queued so far have reached the mock monitor. */
export function settle(): Promise<void> {
  return new Promise((done) => setTimeout(done, 50));
}
