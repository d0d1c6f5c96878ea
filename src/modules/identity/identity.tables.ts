import type { ColumnType, Generated } from 'kysely';

type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
type BigStep = ColumnType<number | null, number | null | undefined, number | null>;

export type AccountKind = 'citizen' | 'staff';
export type TokenPurpose = 'verify_email' | 'verify_phone' | 'reset_password';
export type GrantScopeKind = 'platform' | 'agency' | 'unit' | 'mall';

export type IdentityTables = {
  'identity.account': {
    id: Generated<string>;
    kind: AccountKind;
    email: string | null;
    phone: string | null;
    name: string;
    locale: Generated<'id' | 'en'>;
    passwordHash: string | null;
    passwordChangedAt: Date | null;
    emailVerifiedAt: Date | null;
    phoneVerifiedAt: Date | null;
    nikCiphertext: string | null;
    nikIndex: string | null;
    totpSecretCiphertext: string | null;
    totpEnabledAt: Date | null;
    totpLastStep: BigStep;
    status: Generated<'active' | 'disabled'>;
    lastSignInAt: Date | null;
    oidcIssuer: string | null;
    oidcSubject: string | null;
    version: Generated<number>;
    createdAt: Stamp;
    updatedAt: Stamp;
  };
  'identity.recoveryCode': {
    accountId: string;
    codeHash: string;
    usedAt: Date | null;
  };
  'identity.session': {
    id: Generated<string>;
    tokenHash: string;
    accountId: string;
    pendingSecondFactor: Generated<boolean>;
    createdAt: Stamp;
    lastSeenAt: Stamp;
    expiresAt: Date;
    revokedAt: Date | null;
    revokedReason: string | null;
    userAgent: string | null;
    ip: string | null;
  };
  'identity.token': {
    id: Generated<string>;
    purpose: TokenPurpose;
    accountId: string;
    tokenHash: string;
    attempts: Generated<number>;
    createdAt: Stamp;
    expiresAt: Date;
    usedAt: Date | null;
  };
  'identity.invitation': {
    id: Generated<string>;
    email: string;
    name: string;
    role: string;
    scopeKind: GrantScopeKind;
    scopeId: string | null;
    tokenHash: string;
    invitedBy: string;
    createdAt: Stamp;
    expiresAt: Date;
    acceptedAt: Date | null;
    accountId: string | null;
    revokedAt: Date | null;
  };
  'identity.roleGrant': {
    id: Generated<string>;
    accountId: string;
    role: string;
    scopeKind: GrantScopeKind;
    scopeId: string | null;
    grantedBy: string | null;
    createdAt: Stamp;
    revokedAt: Date | null;
    revokedBy: string | null;
  };
  'identity.signInThrottle': {
    identifier: string;
    failures: Generated<number>;
    windowStartedAt: Stamp;
    lockedUntil: Date | null;
  };
};

export type AccountRow = {
  [K in keyof IdentityTables['identity.account']]: IdentityTables['identity.account'][K] extends ColumnType<infer S, unknown, unknown>
    ? S
    : IdentityTables['identity.account'][K];
};
