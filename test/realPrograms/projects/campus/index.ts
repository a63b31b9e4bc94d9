import { failingCampus } from "./campus";

const campus = failingCampus();

export const pue = campus.pue;
export const headroomMw = campus.powerHeadroomMw;
