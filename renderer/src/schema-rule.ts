// A form field checked by the same schema the contract applies (shared/limits.ts), with its Chinese message:
// the person sees the rule at the field, and the core cannot hold a different one.
import type { z } from 'zod';

export function schemaRule(schema: z.ZodTypeAny) {
  return {
    // Marks the label with its asterisk when the schema refuses nothing-given; the message is the schema's.
    required: !schema.safeParse(undefined).success,
    validator: async (_rule: unknown, value: unknown) => {
      // An empty text field is '' to the schema, so "required" is the schema's own minimum.
      const r = schema.safeParse(value === null ? undefined : value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? '输入不符合要求');
    },
  };
}
