package com.campagne.base.security;

import com.campagne.accounts.AccountUserDetailsService;
import com.campagne.accounts.LoginAuthenticationProvider;
import com.campagne.accounts.ui.LoginView;
import com.campagne.base.config.CampagneProperties;
import com.campagne.base.db.TenantContext;
import com.campagne.base.secrets.LocalSecrets;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

import java.time.Duration;

/**
 * Every view is denied unless annotated; services carry {@code @RolesAllowed} too. Form login
 * through the Vaadin login view, remember-me, CSRF on, a new session id at login, an absolute
 * session time-out on top of the idle one, and strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

    /** Vaadin needs inline styles and its own scripts; nothing may frame the app. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    TokenBasedRememberMeServices rememberMeServices(AccountUserDetailsService users, LocalSecrets secrets,
                                                    @Value("${campagne.remember-me-key:}") String configuredKey) {
        String key = configuredKey.isBlank() ? secrets.getOrCreate("remember-me.key") : configuredKey;
        TokenBasedRememberMeServices services = new TokenBasedRememberMeServices(key, users,
                TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256);
        services.setTokenValiditySeconds((int) Duration.ofDays(14).toSeconds());
        services.setUseSecureCookie(false); // follows the request: secure behind HTTPS
        return services;
    }

    @Bean
    AuthenticationManager authenticationManager(LoginAuthenticationProvider login, LocalSecrets secrets,
                                                @Value("${campagne.remember-me-key:}") String configuredKey) {
        String key = configuredKey.isBlank() ? secrets.getOrCreate("remember-me.key") : configuredKey;
        return new ProviderManager(login, new RememberMeAuthenticationProvider(key));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, TokenBasedRememberMeServices rememberMe,
                                            AuthenticationManager authenticationManager,
                                            SessionRegistry sessionRegistry, CampagneProperties properties)
            throws Exception {
        TenantContext.useSessionSource(() -> CurrentUser.get().map(u -> new TenantContext.Scope(
                u.tenant() == null ? null : u.tenant().tenantId(), u.userId(), null)));

        http.authenticationManager(authenticationManager);
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .requestMatchers("/images/**", "/styles/**", "/favicon.ico").permitAll()
                // OAuth 2 providers send the browser back here; the controller requires the signed-in user.
                .requestMatchers("/oauth2/callback").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login"));
        http.rememberMe(r -> r.rememberMeServices(rememberMe).key(rememberMe.getKey()));
        http.sessionManagement(s -> s
                .sessionFixation(f -> f.changeSessionId())
                .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"));
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                // Vaadin writes its pages past the lazy header writer: write the headers up front.
                .addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterAfter(new AbsoluteSessionTimeoutFilter(properties.session().absoluteTimeout()),
                AnonymousAuthenticationFilter.class);
        http.addFilterAfter(new LoggingContextFilter(), AbsoluteSessionTimeoutFilter.class);
        return http.build();
    }
}
