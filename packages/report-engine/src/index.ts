/** @lattice/report-engine — datasets compiled to one SQL query (pure core). Charts: `@lattice/report-engine/react`. */
export const REPORT_ENGINE_VERSION = '0.1.0';
