/** @lattice/flow-engine — rules and approval flows (pure core). */
export const FLOW_ENGINE_VERSION = '0.1.0';
