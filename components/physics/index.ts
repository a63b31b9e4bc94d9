/** Pure physics of aicluster: no Pulumi import; every number the toolkit reports comes from here. */
export * from "./constants";
export * from "./guard";
export * from "./power";
export * from "./heat";
export * from "./water";
export * from "./cooling";
export * from "./supply";
export * from "./carbon";
export * from "./dispatch";
export * from "./hourlyCooling";
export * from "./airLoop";
export * from "./psychrometrics";
export * from "./solar";
export * from "./windProfile";
