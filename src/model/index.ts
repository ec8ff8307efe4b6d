export * from "./article.js";
export * from "./claim.js";
export * from "./finding.js";
export * from "./report.js";
export * from "./slot.js";
export * from "./record.js";
