import * as fs from "fs";
import { failingCampus } from "./campus";

(async () => {
  await fs.promises.readFile(__filename);
  failingCampus();
})();
