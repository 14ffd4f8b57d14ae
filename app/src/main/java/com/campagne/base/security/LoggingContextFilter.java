package com.campagne.base.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Puts the tenant and user ids (never names, e-mails or secrets) on every log line of the request. */
class LoggingContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentUser.get().ifPresent(user -> {
            MDC.put("user", user.userId().toString());
            if (user.tenant() != null) {
                MDC.put("tenant", user.tenant().tenantId().toString());
            }
        });
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("user");
            MDC.remove("tenant");
        }
    }
}
