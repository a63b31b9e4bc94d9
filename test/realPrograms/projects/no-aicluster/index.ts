import * as random from "@pulumi/random";

export const suffix = new random.RandomId("suffix", { byteLength: 4 }).hex;
