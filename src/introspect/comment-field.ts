/** `{ comment }` when pg_description has one, else nothing (model objects omit absent comments). */
export function commentField(description: string | null | undefined): { comment?: string } {
  return description == null ? {} : { comment: description };
}
