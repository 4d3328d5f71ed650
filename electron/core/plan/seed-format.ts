// The plan seed's schema lives in shared/ (the renderer edits drafts of it); the core names it from here.
export { planSeedSchema, type PlanSeed, type SeedTarget, type SeedTask } from '../../../shared/plan-seed';
