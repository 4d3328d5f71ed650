// Seeded records get ids derived from the plan and their code (UUID v5), so two installations seeded
// independently hold the same records and later sync without duplicates.
import { v5 as uuidv5 } from 'uuid';

/** Namespace of this product's derived ids (a fixed random UUID; never change it). */
const NAMESPACE = '6f1c9a52-3b7e-4d0a-9c2f-5e8b1a7d4c30';

export const seedIds = {
  plan: (plan: string) => uuidv5(`plan:${plan}`, NAMESPACE),
  battle: (plan: string, code: number) => uuidv5(`battle:${plan}:${code}`, NAMESPACE),
  section: (plan: string, code: string) => uuidv5(`section:${plan}:${code}`, NAMESPACE),
  task: (plan: string, code: string) => uuidv5(`task:${plan}:${code}`, NAMESPACE),
  target: (plan: string, owner: string, ord: number) => uuidv5(`target:${plan}:${owner}:${ord}`, NAMESPACE),
  /** Units are not plan-scoped: 市发改局 is the same unit in every year's plan. */
  unit: (name: string) => uuidv5(`unit:${name}`, NAMESPACE),
  /** The pseudo-replica that authors seed events; its log is identical on every installation. */
  seedReplica: (plan: string) => uuidv5(`seed-replica:${plan}`, NAMESPACE),
  seedEvent: (plan: string, seq: number) => uuidv5(`seed-event:${plan}:${seq}`, NAMESPACE),
};
