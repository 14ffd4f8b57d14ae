package com.campagne.plans.vendors;

/** What a vendor sells: a sales house (régie), one title/site/station (support), an ad network, or other. */
public enum VendorKind {
    REGIE, SUPPORT, NETWORK, OTHER
}
