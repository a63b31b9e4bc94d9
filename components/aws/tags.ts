/** Footprint tag keys of AWS pilot resources; no imports, so the policy pack reads them cheaply. */
/** Tag keys that carry the model's footprint onto AWS resources, for policies and cost tools. */
export const FOOTPRINT_TAGS = {
  campus: "aicluster:campus",
  hall: "aicluster:hall",
  rackGroup: "aicluster:rack-group",
  rack: "aicluster:rack",
  accelerator: "aicluster:accelerator",
  gpus: "aicluster:gpus",
  itKw: "aicluster:it-kw",
} as const;

/** Tag keys every AWS instance of a pilot must carry (checked by the policy pack). */
export const REQUIRED_INSTANCE_TAGS: readonly string[] = [FOOTPRINT_TAGS.campus, FOOTPRINT_TAGS.hall, FOOTPRINT_TAGS.rack, FOOTPRINT_TAGS.accelerator, FOOTPRINT_TAGS.itKw];
