package com.campagne.tenancy;

/** An agency runs many client brands; a business (PME) markets itself. */
public enum TenantKind {
    AGENCY, BUSINESS
}
