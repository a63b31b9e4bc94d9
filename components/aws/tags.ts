/** Footprint tag keys of AWS pilot resources; no imports, so the policy pack reads them cheaply. */
/** Tag keys that carry the model's footprint onto AWS resources, for policies and cost tools. */
export const FOOTPRINT_TAGS = {
  /** The campus the pilot mirrors. */
  campus: "aicluster:campus",
  /** The data hall the pilot mirrors. */
  hall: "aicluster:hall",
  /** The rack group the pilot mirrors. */
  rackGroup: "aicluster:rack-group",
  /** The modelled rack a placement group, reservation or instance stands for. */
  rack: "aicluster:rack",
  /** Accelerator id of the instances. */
  accelerator: "aicluster:accelerator",
  /** GPUs of the resource: per instance, or of a rack's instances. */
  gpus: "aicluster:gpus",
  /** Modelled IT load, kW (three decimals): per instance, or of a rack's instances. */
  itKw: "aicluster:it-kw",
} as const;

/** Tag keys every AWS instance of a pilot must carry (checked by the policy pack). */
export const REQUIRED_INSTANCE_TAGS: readonly string[] = [FOOTPRINT_TAGS.campus, FOOTPRINT_TAGS.hall, FOOTPRINT_TAGS.rack, FOOTPRINT_TAGS.accelerator, FOOTPRINT_TAGS.itKw];
