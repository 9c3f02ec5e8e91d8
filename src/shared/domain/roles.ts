export const roles = ['officer', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { officer: 1, supervisor: 2, admin: 3 };

/** Roles are ordered: a supervisor may do what an officer may, an admin what a supervisor may. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum];
}
