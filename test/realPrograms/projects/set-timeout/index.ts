import { failingCampus } from "./campus";

setTimeout(() => failingCampus(), 100);
