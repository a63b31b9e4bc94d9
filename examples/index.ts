/** Pulumi program for `pulumi preview`: the small example campus and its footprint as stack outputs. */
import { smallCampus } from "./smallCampus";

const campus = smallCampus();

export const gpus = campus.gpuCount;
export const itLoadKw = campus.itLoadKw;
export const facilityPowerKw = campus.facilityPowerKw;
export const pue = campus.pue;
export const waterM3PerYear = campus.waterM3PerYear;
export const wueLPerKwh = campus.wueLPerKwh;
export const carbonTco2PerYear = campus.carbonTco2PerYear;
export const firmContractedMw = campus.firmContractedMw;
export const powerHeadroomMw = campus.powerHeadroomMw;
