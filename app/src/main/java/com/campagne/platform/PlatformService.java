package com.campagne.platform;

import com.campagne.tenancy.Role;
import com.campagne.tenancy.Tenant;
import com.campagne.tenancy.TenantRepository;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** What the installation's operator sees: the directory of tenants, never their data. */
@Service
@RolesAllowed(Role.PLATFORM_ADMIN_NAME)
public class PlatformService {

    private final TenantRepository tenants;

    PlatformService(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Transactional(readOnly = true)
    public List<Tenant> tenants() {
        return tenants.findAll(Sort.by("createdAt").descending());
    }
}
