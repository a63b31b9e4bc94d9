/** The HTML report of a plan: its data (read from a plan's views and report) and the page. */
export { htmlReport, escapeHtml } from "./html";
export { campusWaterScarcity, reportData } from "./data";
export type { CampusData, CampusWaterScarcity, ContractFlow, HallEnergy, HallStrip, PlantWater, RackGroupBlock, ReportData } from "./data";
export type { Chart, Flow, FlowGraph, FlowNode, BudgetBar, BudgetState, ConfidenceBand, CostRange } from "./charts";
