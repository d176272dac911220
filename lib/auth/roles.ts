// The one table of roles and what each may do.
export const ROLES = ["admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const PERMISSIONS = {
  admin: ["read", "write", "manage-users"],
  viewer: ["read"],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)[Role][number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && (PERMISSIONS[role] as readonly string[]).includes(permission);
}
