/** The shape of the generated definitions (scripts/generate-schemas.ts writes them). */
export interface FieldDef {
  /** string | integer | boolean | object | array | map | int-or-string | quantity | time | any */
  type: string;
  ref?: string;
  items?: FieldDef;
  enum?: string[];
  description?: string;
}

export interface TypeDef {
  description?: string;
  fields: Record<string, FieldDef>;
  required: string[];
}
